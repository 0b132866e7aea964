using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tradehall.Core.Network.Profiles;

/// <summary>NET-01: a member's personal page, reached at <c>/u/{handle}</c>.</summary>
public sealed class Profile
{
    public Guid MemberId { get; set; }

    /// <summary>Lower-case Latin letters, digits and hyphens; unique; chosen once at registration.</summary>
    public required string Handle { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> b)
    {
        b.ToTable("network_profiles");
        b.HasKey(p => p.MemberId);
        b.Property(p => p.Handle).HasMaxLength(Handles.MaxLength);
        b.HasIndex(p => p.Handle).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tradehall.Core.Network.Organizations;

public enum InvitationStatus
{
    Pending = 1,

    /// <summary>Kept for a while, so an organization cannot send the same person a new invitation at once.</summary>
    Declined = 2,
}

/// <summary>
/// NET-05: an admin's offer to a person to work at the organization. Only the person's acceptance makes an
/// <see cref="OrganizationMember"/>; until then they are shown nowhere and have no rights in it.
/// An accepted or withdrawn invitation is deleted; the archive keeps what happened.
/// </summary>
public sealed class OrganizationInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The invited person.</summary>
    public Guid MemberId { get; set; }

    /// <summary>The admin who sent it.</summary>
    public Guid InvitedBy { get; set; }

    public OrganizationRole Role { get; set; }
    public InvitationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> b)
    {
        b.ToTable("network_organization_invitations");
        b.HasKey(i => i.Id);
        // One invitation per person and organization: a pending one is not sent twice.
        b.HasIndex(i => new { i.OrganizationId, i.MemberId }).IsUnique();
        b.HasIndex(i => new { i.MemberId, i.Status });
        b.HasIndex(i => new { i.InvitedBy, i.CreatedAt });
    }
}

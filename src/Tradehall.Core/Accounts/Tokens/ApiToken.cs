namespace Tradehall.Core.Accounts.Tokens;

/// <summary>ACC-12: a personal access token for the JSON API. The secret itself is never stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, so the member can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>Space-separated scopes (see <see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; set; }

    /// <summary>Created with a second factor: such tokens may act in staff areas.</summary>
    public bool TwoFactor { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("accounts_api_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Scopes).HasMaxLength(200);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

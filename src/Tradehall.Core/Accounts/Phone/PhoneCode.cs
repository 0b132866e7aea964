namespace Tradehall.Core.Accounts.Phone;

/// <summary>ACC-03: a one-time code sent by SMS to confirm a phone number. Only its hash is kept.</summary>
public sealed class PhoneCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }

    [PersonalData("confirming the phone number", Shared.Retention.UntilUsedOrExpired)]
    public required string Phone { get; set; }

    public required string CodeHash { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int FailedTries { get; set; }
    public DateTime? UsedAt { get; set; }

    /// <summary>Set when a newer code replaced this one, so only the latest code works.</summary>
    public DateTime? SupersededAt { get; set; }
}

internal sealed class PhoneCodeConfiguration : IEntityTypeConfiguration<PhoneCode>
{
    public void Configure(EntityTypeBuilder<PhoneCode> b)
    {
        b.ToTable("accounts_phone_codes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Phone).HasMaxLength(16);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => new { c.MemberId, c.SentAt });
        b.HasIndex(c => new { c.Phone, c.SentAt });
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

namespace Tradehall.Core.Privacy.Disclosures;

/// <summary>
/// PRV-10: one entry of the register of disclosures — personal data given to an authority on a legal basis: to whom, why,
/// what and when, and whose. Entries are never changed or deleted; a mistake is corrected by a new entry.
/// </summary>
public sealed class Disclosure
{
    public const int AuthorityLength = 300;
    public const int LegalBasisLength = 500;
    public const int DataDescriptionLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Authority { get; set; }
    public required string LegalBasis { get; set; }

    [PersonalData("register of disclosures to authorities (PRV-10)", Shared.Retention.ContractPlusThreeYears)]
    public required string DataDescription { get; set; }

    public DateTime DisclosedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

/// <summary>PRV-10: a member whose data an entry of the register disclosed.</summary>
public sealed class DisclosedMember
{
    public Guid DisclosureId { get; set; }
    public Guid MemberId { get; set; }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>, IEntityTypeConfiguration<DisclosedMember>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        b.ToTable("privacy_disclosures");
        b.HasKey(d => d.Id);
        b.Property(d => d.Authority).HasMaxLength(Disclosure.AuthorityLength);
        b.Property(d => d.LegalBasis).HasMaxLength(Disclosure.LegalBasisLength);
        b.Property(d => d.DataDescription).HasMaxLength(Disclosure.DataDescriptionLength);
        b.HasIndex(d => d.DisclosedAt);
    }

    public void Configure(EntityTypeBuilder<DisclosedMember> b)
    {
        b.ToTable("privacy_disclosed_members");
        b.HasKey(m => new { m.DisclosureId, m.MemberId });
        b.HasIndex(m => m.MemberId);
        b.HasOne<Disclosure>().WithMany().HasForeignKey(m => m.DisclosureId).OnDelete(DeleteBehavior.Restrict);
    }
}

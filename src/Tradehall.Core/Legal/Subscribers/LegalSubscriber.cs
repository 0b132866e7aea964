namespace Tradehall.Core.Legal.Subscribers;

/// <summary>
/// KYC-01..05: the legal data a member gives as a subscriber, in its current version. The columns of
/// <see cref="SensitiveText.ProtectedFields"/> hold Data Protection ciphertext, never the value.
/// </summary>
public sealed class LegalSubscriber
{
    public Guid MemberId { get; set; }
    public SubscriberType Type { get; set; }

    /// <summary>1 for the first entry, one more for every change (KYC-04).</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>KYC-03: resident of the Russian Federation for currency purposes.</summary>
    public bool Resident { get; set; }

    /// <summary>KYC-03: ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }

    [PersonalData("sending notices under the contract", Shared.Retention.ContractPlusThreeYears)]
    public required string NotificationPhone { get; set; }

    [PersonalData("sending notices under the contract", Shared.Retention.ContractPlusThreeYears)]
    public required string Email { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? LastName { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? FirstName { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? Patronymic { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? DocumentType { get; set; }

    /// <summary>Protected (KYC-05).</summary>
    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? DocumentNumber { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public DateOnly? DocumentIssuedOn { get; set; }

    public string? Name { get; set; }
    public string? LegalForm { get; set; }

    /// <summary>Protected (KYC-05) for every type, so one column has one meaning; shown in full only for an organisation.</summary>
    [PersonalData("invoices, certificates and tax reporting", Shared.Retention.ContractPlusThreeYears)]
    public string? Inn { get; set; }

    public string? Kpp { get; set; }
    public string? Ogrn { get; set; }

    [PersonalData("invoices, certificates and tax reporting", Shared.Retention.ContractPlusThreeYears)]
    public string? Ogrnip { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? CertificateSeries { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? CertificateNumber { get; set; }

    [PersonalData("identifying the party to the contract", Shared.Retention.ContractPlusThreeYears)]
    public DateOnly? CertificateDate { get; set; }

    public string? LegalAddress { get; set; }

    [PersonalData("sending documents under the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? PostalAddress { get; set; }

    /// <summary>Protected (KYC-05).</summary>
    [PersonalData("refunds and payments under the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? Bic { get; set; }

    /// <summary>Protected (KYC-05).</summary>
    [PersonalData("refunds and payments under the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? SettlementAccount { get; set; }

    /// <summary>Protected (KYC-05).</summary>
    [PersonalData("refunds and payments under the contract", Shared.Retention.ContractPlusThreeYears)]
    public string? CorrespondentAccount { get; set; }

    [PersonalData("contacting the subscriber", Shared.Retention.ContractPlusThreeYears)]
    public string? Phone { get; set; }
}

/// <summary>
/// KYC-04: one version of a subscriber's legal data, appended at every change and never updated:
/// the full content, protected as a whole (KYC-05), who changed it and when.
/// </summary>
public sealed class LegalSubscriberVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public int Version { get; set; }
    public SubscriberType Type { get; set; }
    public DateTime ChangedAt { get; set; }
    public Guid ChangedById { get; set; }

    /// <summary>The <see cref="LegalSnapshot"/> as JSON, protected.</summary>
    [PersonalData("history of the contract details (KYC-04)", Shared.Retention.ContractPlusThreeYears)]
    public required string Snapshot { get; set; }
}

internal sealed class LegalSubscriberConfiguration : IEntityTypeConfiguration<LegalSubscriber>, IEntityTypeConfiguration<LegalSubscriberVersion>
{
    public void Configure(EntityTypeBuilder<LegalSubscriber> b)
    {
        b.ToTable("legal_subscribers");
        b.HasKey(s => s.MemberId);
        b.Property(s => s.MemberId).ValueGeneratedNever();
        b.Property(s => s.Country).HasMaxLength(2);
        b.Property(s => s.NotificationPhone).HasMaxLength(16);
        b.Property(s => s.Email).HasMaxLength(254);
        b.Property(s => s.LastName).HasMaxLength(LegalLimits.PersonName);
        b.Property(s => s.FirstName).HasMaxLength(LegalLimits.PersonName);
        b.Property(s => s.Patronymic).HasMaxLength(LegalLimits.PersonName);
        b.Property(s => s.DocumentType).HasMaxLength(LegalLimits.DocumentType);
        b.Property(s => s.Name).HasMaxLength(LegalLimits.OrganisationName);
        b.Property(s => s.LegalForm).HasMaxLength(LegalLimits.LegalForm);
        b.Property(s => s.Kpp).HasMaxLength(9);
        b.Property(s => s.Ogrn).HasMaxLength(13);
        b.Property(s => s.Ogrnip).HasMaxLength(15);
        b.Property(s => s.CertificateSeries).HasMaxLength(LegalLimits.CertificateSeries);
        b.Property(s => s.CertificateNumber).HasMaxLength(LegalLimits.CertificateNumber);
        b.Property(s => s.LegalAddress).HasMaxLength(LegalLimits.Address);
        b.Property(s => s.PostalAddress).HasMaxLength(LegalLimits.Address);
        b.Property(s => s.Phone).HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<LegalSubscriberVersion> b)
    {
        b.ToTable("legal_subscriber_versions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.MemberId, v.Version }).IsUnique();
        b.HasOne<LegalSubscriber>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

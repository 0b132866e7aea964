namespace Tradehall.Core.Documents.Certificates;

/// <summary>DOC-01: where a certificate stands; <c>objected</c> is final for the subscriber, the operator answers it.</summary>
public enum CertificateStatus
{
    Published = 1,
    Accepted = 2,
    Objected = 3,
    AutoAccepted = 4,
}

/// <summary>
/// DOC-01, DOC-02: the acceptance certificate («акт») of one reporting period of a legal entity's or entrepreneur's
/// account — the services charged in it and their total — with its number, status and the PDF as published.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Gap-free per year in its own series: <c>A-2026-000001</c>.</summary>
    public required string Number { get; set; }
    public Guid MemberId { get; set; }
    public required string AccountNumber { get; set; }

    /// <summary>BIL-08: the period's first and last day (both included) in the operator's time zone.</summary>
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    /// <summary>Minor units of <see cref="Currency"/>: the sum of the lines.</summary>
    public long Amount { get; set; }
    public required string Currency { get; set; }
    public DateTime PublishedAt { get; set; }

    /// <summary>The operator-zone day of publication; the objection window and the automatic acceptance count from it.</summary>
    public DateOnly PublishedOn { get; set; }

    public CertificateStatus Status { get; set; } = CertificateStatus.Published;

    /// <summary>When it was accepted, objected to or accepted automatically.</summary>
    public DateTime? DecidedAt { get; set; }
    public string? ObjectionReason { get; set; }

    /// <summary>Kept as issued: accounting documents do not change (SPEC §13).</summary>
    public required byte[] Pdf { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public const int ReasonLength = 2000;

    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("documents_certificates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.AccountNumber).HasMaxLength(12);
        b.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(c => c.ObjectionReason).HasMaxLength(ReasonLength);
        b.HasIndex(c => c.Number).IsUnique();
        // One certificate per period of an account, whatever reruns of the billing run do.
        b.HasIndex(c => new { c.MemberId, c.PeriodFrom }).IsUnique();
        // The run finds certificates due for automatic acceptance; the console lists objections.
        b.HasIndex(c => new { c.Status, c.PublishedOn });
    }
}

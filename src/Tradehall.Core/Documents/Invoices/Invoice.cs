namespace Tradehall.Core.Documents.Invoices;

/// <summary>BIL-05: an invoice for topping up a personal account. A document only: it moves no money.</summary>
public sealed class Invoice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Gap-free per year, <c>2026-000001</c> (DOC-02).</summary>
    public required string Number { get; set; }
    public Guid MemberId { get; set; }
    public required string AccountNumber { get; set; }

    /// <summary>The payer as printed on the document when it was issued.</summary>
    public required string PayerName { get; set; }

    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public long Amount { get; set; }
    public required string Currency { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Purpose { get; set; }

    /// <summary>Minor units credited against this invoice so far (a payer may pay in parts).</summary>
    public long PaidAmount { get; set; }

    /// <summary>When the payments reached the amount; null while it is unpaid.</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>
    /// The PDF as issued. Accounting documents are kept unchanged (SPEC §13), so the bytes are rendered
    /// once, with the operator's details of that day, and served as stored.
    /// </summary>
    public required byte[] Pdf { get; set; }
}

/// <summary>DOC-02: one counter per document series and year; numbers are taken inside the issuing transaction.</summary>
public sealed class DocumentCounter
{
    public required string Series { get; set; }
    public long Value { get; set; }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("documents_invoices");
        b.HasKey(i => i.Id);
        b.Property(i => i.Number).HasMaxLength(20);
        b.Property(i => i.AccountNumber).HasMaxLength(12);
        b.Property(i => i.PayerName).HasMaxLength(300);
        b.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(i => i.Purpose).HasMaxLength(300);
        b.HasIndex(i => i.Number).IsUnique();
        b.HasIndex(i => new { i.MemberId, i.IssuedAt });
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("documents_counters");
        b.HasKey(c => c.Series);
        b.Property(c => c.Series).HasMaxLength(40);
    }
}

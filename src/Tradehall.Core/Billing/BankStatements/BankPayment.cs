namespace Tradehall.Core.Billing.BankStatements;

public enum BankPaymentStatus
{
    /// <summary>Matched on import and credited to the personal account named in its purpose.</summary>
    Credited = 1,

    /// <summary>In the suspense queue: the money is on the suspense account, credited to nobody.</summary>
    Held = 2,

    /// <summary>Taken out of suspense by the operator and credited to a personal account.</summary>
    Assigned = 3,

    /// <summary>Taken out of suspense by the operator to be paid back to the payer.</summary>
    Returned = 4,
}

/// <summary>
/// BIL-03 (b): one incoming payment of an imported bank statement, kept once per bank document,
/// with what became of it. Payer details are accounting documents and may name a person.
/// </summary>
public sealed class BankPayment
{
    public const int NumberLength = 40;
    public const int PayerNameLength = 300;
    public const int PayerInnLength = 12;
    public const int PayerAccountLength = 34;
    public const int PurposeLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>A hash of the document's date, number, payer account and amount: the same document in any later file is this payment.</summary>
    public required string ExternalId { get; set; }

    /// <summary><c>csv</c> or <c>1c</c>: the format of the file it came in.</summary>
    public required string Format { get; set; }

    /// <summary>The number of the bank document (the payment order) as the bank gives it.</summary>
    public required string Number { get; set; }
    public DateOnly DocumentDate { get; set; }

    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public long Amount { get; set; }

    public required string Currency { get; set; }

    [PersonalData("accounting of payments and refunds to the payer", Shared.Retention.AccountingDocuments)]
    public required string PayerName { get; set; }

    [PersonalData("accounting of payments and refunds to the payer", Shared.Retention.AccountingDocuments)]
    public required string PayerInn { get; set; }

    [PersonalData("accounting of payments and refunds to the payer", Shared.Retention.AccountingDocuments)]
    public required string PayerAccount { get; set; }

    [PersonalData("matching the payment to a personal account", Shared.Retention.AccountingDocuments)]
    public required string Purpose { get; set; }

    public BankPaymentStatus Status { get; set; }

    /// <summary>Why it was held (a <see cref="HoldReasons"/> code); null when it was credited on import.</summary>
    public string? HoldReason { get; set; }

    /// <summary>The personal account it was credited to, on import or by the operator.</summary>
    public string? AccountNumber { get; set; }

    /// <summary>The ledger transaction of the import; null for a payment in another currency, which the ledger cannot hold.</summary>
    public Guid? TransactionId { get; set; }

    public DateTime ImportedAt { get; set; }
    public Guid ImportedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
    public string? ResolutionReason { get; set; }
    public Guid? ResolutionTransactionId { get; set; }
}

/// <summary>Why a bank payment went to the suspense queue; the API speaks these codes.</summary>
public static class HoldReasons
{
    public const string NoAccountNumber = "noAccountNumber";
    public const string UnknownAccount = "unknownAccount";
    public const string LoginMismatch = "loginMismatch";
    public const string Ambiguous = "ambiguous";
    public const string Currency = "currency";
    public const string Terminated = "terminated";
    public const string OverLimit = "overLimit";

    /// <summary>BIL-19: the payment would take a non-resident's payments over the cap.</summary>
    public const string NonResidentCap = "nonResidentCap";

    /// <summary>BIL-19: a non-resident's payment, and no exchange rate of their registration day or before to check the cap with.</summary>
    public const string NoExchangeRate = "noExchangeRate";
}

internal sealed class BankPaymentConfiguration : IEntityTypeConfiguration<BankPayment>
{
    public void Configure(EntityTypeBuilder<BankPayment> b)
    {
        b.ToTable("billing_bank_payments");
        b.HasKey(p => p.Id);
        b.Property(p => p.ExternalId).HasMaxLength(64);
        b.Property(p => p.Format).HasMaxLength(8);
        b.Property(p => p.Number).HasMaxLength(BankPayment.NumberLength);
        b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(p => p.PayerName).HasMaxLength(BankPayment.PayerNameLength);
        b.Property(p => p.PayerInn).HasMaxLength(BankPayment.PayerInnLength);
        b.Property(p => p.PayerAccount).HasMaxLength(BankPayment.PayerAccountLength);
        b.Property(p => p.Purpose).HasMaxLength(BankPayment.PurposeLength);
        b.Property(p => p.HoldReason).HasMaxLength(40);
        b.Property(p => p.AccountNumber).HasMaxLength(12);
        b.Property(p => p.ResolutionReason).HasMaxLength(300);
        // Two operators resolving one payment at once: the second update finds the status changed and fails.
        b.Property(p => p.Status).IsConcurrencyToken();
        // A bank document is imported once, whatever file or format brings it again.
        b.HasIndex(p => p.ExternalId).IsUnique();
        b.HasIndex(p => new { p.Status, p.ImportedAt });
    }
}

using Tradehall.Core.Billing.Accounts;

namespace Tradehall.Core.Billing.Refunds;

public enum RefundStatus
{
    /// <summary>Applied for: the amount is held off the balance until the operator pays or rejects it.</summary>
    Requested = 1,
    Paid = 2,

    /// <summary>Refused by the operator with a reason; the held amount is back on the balance.</summary>
    Rejected = 3,
}

/// <summary>
/// BIL-17: a subscriber's application to have money of the personal account paid back to a bank account — one
/// that paid into it, or the subscriber's own from their legal data. Bank details are accounting documents.
/// </summary>
public sealed class RefundApplication
{
    public const int PayerNameLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BillingAccountId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>Minor units of the operator currency.</summary>
    public long Amount { get; set; }

    [PersonalData("paying the refund to the payer", Shared.Retention.AccountingDocuments)]
    public required string PayerName { get; set; }

    [PersonalData("paying the refund to the payer", Shared.Retention.AccountingDocuments)]
    public required string PayerInn { get; set; }

    [PersonalData("paying the refund to the payer", Shared.Retention.AccountingDocuments)]
    public required string Bic { get; set; }

    [PersonalData("paying the refund to the payer", Shared.Retention.AccountingDocuments)]
    public required string SettlementAccount { get; set; }

    [PersonalData("paying the refund to the payer", Shared.Retention.AccountingDocuments)]
    public required string CorrespondentAccount { get; set; }

    public RefundStatus Status { get; set; } = RefundStatus.Requested;
    public DateTime RequestedAt { get; set; }

    /// <summary>The last day to pay it: the business days of the contract after the day of the application.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The posting that moved the amount off the balance when the application was made.</summary>
    public Guid HoldTransactionId { get; set; }

    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
    public string? RejectionReason { get; set; }
    public Guid? ResolutionTransactionId { get; set; }
}

internal sealed class RefundApplicationConfiguration : IEntityTypeConfiguration<RefundApplication>
{
    public void Configure(EntityTypeBuilder<RefundApplication> b)
    {
        b.ToTable("billing_refunds");
        b.HasKey(r => r.Id);
        b.Property(r => r.PayerName).HasMaxLength(RefundApplication.PayerNameLength);
        b.Property(r => r.PayerInn).HasMaxLength(12);
        b.Property(r => r.Bic).HasMaxLength(9);
        b.Property(r => r.SettlementAccount).HasMaxLength(20);
        b.Property(r => r.CorrespondentAccount).HasMaxLength(20);
        b.Property(r => r.RejectionReason).HasMaxLength(300);
        b.HasIndex(r => new { r.Status, r.DueOn });
        b.HasIndex(r => r.BillingAccountId);
        b.HasOne<BillingAccount>().WithMany().HasForeignKey(r => r.BillingAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

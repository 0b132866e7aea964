using Tradehall.Core.Billing.Accounts;

namespace Tradehall.Core.Billing.Credit;

/// <summary>
/// BIL-13: what a charge on credit took below zero — the amount of the debt invoice issued for it, due in
/// <see cref="BillingOptions.CreditInvoiceDays"/>. Billing keeps the debt; the invoice document is Documents' (<see cref="DebtInvoiceDue"/>).
/// </summary>
public sealed class Debt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BillingAccountId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>Minor units; penalties are counted on this amount, never on penalties.</summary>
    public long Amount { get; set; }

    public DateOnly IssuedOn { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>The day the balance was back at zero or above; null while the debt is open.</summary>
    public DateOnly? SettledOn { get; set; }

    /// <summary>The last day a penalty was charged for, so a rerun of the same day charges nothing again.</summary>
    public DateOnly? PenalizedThrough { get; set; }

    /// <summary>Minor units of penalties charged for this debt so far.</summary>
    public long Penalties { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class DebtConfiguration : IEntityTypeConfiguration<Debt>
{
    public void Configure(EntityTypeBuilder<Debt> b)
    {
        b.ToTable("billing_debts");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.BillingAccountId, d.SettledOn });
        b.HasIndex(d => new { d.SettledOn, d.DueOn });
        b.HasOne<BillingAccount>().WithMany().HasForeignKey(d => d.BillingAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

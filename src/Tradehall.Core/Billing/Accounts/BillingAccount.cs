using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Billing.Accounts;

public enum AccountStatus
{
    Active = 1,
    Suspended = 2,
    Terminated = 3,
}

/// <summary>BIL-01: a subscriber's personal account — its number, its ledger account and the contract it carries.</summary>
public sealed class BillingAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }

    /// <summary>Quoted in payment purposes: nine digits, the last a Luhn check digit.</summary>
    public required string Number { get; set; }

    public Guid LedgerAccountId { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;

    /// <summary>BIL-04: set by the first top-up, which is acceptance of the offer.</summary>
    public string? ContractNumber { get; set; }
    public DateOnly? ContractStartedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>BIL-25: how many terms the contract has run into: the current term ends that many terms after <see cref="ContractStartedOn"/>.</summary>
    public int ContractTerms { get; set; } = 1;

    /// <summary>BIL-25: when notice of non-extension was given, and by whom (<c>subscriber</c> or <c>operator</c>); the contract then ends with its term.</summary>
    public DateOnly? NonExtensionNoticeOn { get; set; }
    public string? NonExtensionNoticeBy { get; set; }

    /// <summary>BIL-13: how far below zero orders and renewals may take the balance, in minor units; zero grants no credit.</summary>
    public long CreditLimit { get; set; }

    /// <summary>BIL-12, BIL-25: when and why the contract ended (<see cref="Contract.TerminationReasons"/>).</summary>
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }

    /// <summary>BIL-18, OPS-02: since when the operator has suspended the member's services as a sanction; a payment does not resume them.</summary>
    public DateOnly? EnforcementSuspendedOn { get; set; }

    /// <summary>BIL-22: the "funds last until" day the subscriber was last warned about, so each date is announced once.</summary>
    public DateOnly? FundsWarnedFor { get; set; }
}

internal sealed class BillingAccountConfiguration : IEntityTypeConfiguration<BillingAccount>
{
    public void Configure(EntityTypeBuilder<BillingAccount> b)
    {
        b.ToTable("billing_accounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(12);
        b.Property(a => a.ContractNumber).HasMaxLength(20);
        b.Property(a => a.NonExtensionNoticeBy).HasMaxLength(20);
        b.Property(a => a.TerminationReason).HasMaxLength(40);
        b.HasIndex(a => a.MemberId).IsUnique();
        b.HasIndex(a => a.Number).IsUnique();
        b.HasOne<LedgerAccount>().WithMany().HasForeignKey(a => a.LedgerAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

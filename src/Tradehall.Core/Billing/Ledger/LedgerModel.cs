namespace Tradehall.Core.Billing.Ledger;

/// <summary>
/// BIL-02: an account of the ledger (two-sided bookkeeping). Amounts are signed so that every transaction sums
/// to zero: a subscriber's account and revenue grow positive, cash that came in grows negative.
/// </summary>
public sealed class LedgerAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable name: <c>subscriber:{number}</c>, or a system account such as <c>cash:gateway</c>.</summary>
    public required string Code { get; set; }

    public required string Currency { get; set; }

    /// <summary>
    /// Kept only for subscriber accounts, and changed in the same database transaction as the entries;
    /// system accounts would make every posting wait on one row, so their balance is summed when asked.
    /// </summary>
    public bool CachesBalance { get; set; }

    public long Balance { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One change of money: two or more entries that sum to zero. Never updated or deleted.</summary>
public sealed class LedgerTransaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    /// <summary>The line in English, as posted; <see cref="Text"/> is what readers see in their language.</summary>
    public required string Description { get; set; }

    /// <summary>RUN-07: the line as a serialized <see cref="DeferredText"/>; null on lines posted before it was kept.</summary>
    public string? Text { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>Where the money event came from (<c>gateway</c>, <c>bank</c>, ...) and its id there: unique together.</summary>
    public string? Source { get; set; }
    public string? ExternalId { get; set; }

    public List<LedgerEntry> Entries { get; set; } = [];
}

public sealed class LedgerEntry
{
    public long Id { get; set; }
    public Guid TransactionId { get; set; }
    public Guid AccountId { get; set; }

    /// <summary>Signed minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The account's balance right after this entry, for accounts that keep one.</summary>
    public long? BalanceAfter { get; set; }
}

internal sealed class LedgerConfiguration : IEntityTypeConfiguration<LedgerAccount>, IEntityTypeConfiguration<LedgerTransaction>, IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> b)
    {
        b.ToTable("billing_ledger_accounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        b.HasIndex(a => a.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LedgerTransaction> b)
    {
        b.ToTable("billing_ledger_transactions");
        b.HasKey(t => t.Id);
        b.Property(t => t.Kind).HasMaxLength(40);
        b.Property(t => t.Description).HasMaxLength(LedgerPostings.DescriptionLength);
        b.Property(t => t.Text).HasMaxLength(DeferredText.MaxLineLength);
        b.Property(t => t.Source).HasMaxLength(40);
        b.Property(t => t.ExternalId).HasMaxLength(200);
        // A payment reported twice by its gateway or bank is one payment.
        b.HasIndex(t => new { t.Source, t.ExternalId }).IsUnique();
        b.HasIndex(t => t.At);
        b.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TransactionId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("FK_billing_ledger_entries_transaction");
    }

    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("billing_ledger_entries");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.AccountId, e.Id });
        b.HasOne<LedgerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

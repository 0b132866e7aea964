using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Billing.Ledger;

/// <summary>One side of a posting: this much into (positive) or out of (negative) an account.</summary>
public sealed record Leg(Guid AccountId, long Amount, long? Floor = null);

public sealed record Posting(string Kind, string Description, IReadOnlyList<Leg> Legs, Guid? ActorId = null, string? Source = null, string? ExternalId = null);

/// <summary>
/// BIL-02: the only code that writes money. Entries are appended; a kept balance moves by an atomic
/// increment in the same transaction, guarded by its floor, so parallel postings never lose an update
/// and never take an account below what it may reach.
/// </summary>
public sealed class Ledger(AppDbContext db, TimeProvider time, Ledger.BalancelessAccounts balanceless)
{
    /// <summary>
    /// The accounts seen not to keep a balance (the system accounts). Whether an account keeps one is
    /// fixed when it is opened and accounts are never removed, so this is remembered instead of asked
    /// on every posting. One per application, hence per database; it only ever holds a handful of ids.
    /// </summary>
    public sealed class BalancelessAccounts
    {
        private readonly ConcurrentDictionary<Guid, bool> ids = new();

        public bool Contains(Guid accountId) => ids.ContainsKey(accountId);

        public void Add(Guid accountId) => ids.TryAdd(accountId, true);
    }

    public static class SystemAccounts
    {
        public const string GatewayCash = "cash:gateway";
        public const string BankCash = "cash:bank";
        public const string Revenue = "revenue";
        public const string Adjustments = "operator:adjustments";
        public const string Suspense = "suspense";
        public static readonly string[] All = [GatewayCash, BankCash, Revenue, Adjustments, Suspense];
    }

    /// <summary>
    /// Posts inside the caller's database transaction; throws <c>billing.insufficient_balance</c> when a floor would be crossed.
    /// Any exception leaves the transaction to be rolled back: balances may already have moved in it.
    /// </summary>
    public async Task<LedgerTransaction> PostAsync(Posting posting, CancellationToken cancellationToken)
    {
        if (posting.Legs.Count < 2 || posting.Legs.Sum(l => l.Amount) != 0 || posting.Legs.Any(l => l.Amount == 0))
        {
            throw new InvalidOperationException("A posting needs two or more non-zero legs that sum to zero.");
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Postings run inside a database transaction.");
        }
        var transaction = new LedgerTransaction
        {
            At = time.UtcNow(),
            Kind = posting.Kind,
            Description = posting.Description,
            ActorId = posting.ActorId,
            Source = posting.Source,
            ExternalId = posting.ExternalId,
        };
        // Accounts are touched in a fixed order so two postings never wait on each other crosswise.
        foreach (var leg in posting.Legs.OrderBy(l => l.AccountId))
        {
            long? after = null;
            if (!balanceless.Contains(leg.AccountId))
            {
                var floor = leg.Floor ?? long.MinValue;
                var rows = await db.Database.SqlQuery<long>($"""
                    UPDATE billing_ledger_accounts SET "Balance" = "Balance" + {leg.Amount}
                    WHERE "Id" = {leg.AccountId} AND "CachesBalance" AND ({leg.Amount} > 0 OR "Balance" + {leg.Amount} >= {floor})
                    RETURNING "Balance" AS "Value"
                    """).ToListAsync(cancellationToken);
                if (rows.Count > 0)
                {
                    after = rows[0];
                }
                else
                {
                    // Nothing moved: either the account keeps no balance, or the floor would be crossed.
                    var keeps = await db.Set<LedgerAccount>().Where(a => a.Id == leg.AccountId).Select(a => (bool?)a.CachesBalance)
                        .SingleOrDefaultAsync(cancellationToken);
                    if (keeps == true)
                    {
                        throw new DomainException("billing.insufficient_balance", "The balance is too low for this payment. Top up the personal account first.", StatusCodes.Status402PaymentRequired);
                    }
                    if (keeps == false)
                    {
                        balanceless.Add(leg.AccountId);
                    }
                    // No such account: the entry's foreign key refuses it when saved.
                }
            }
            transaction.Entries.Add(new LedgerEntry { AccountId = leg.AccountId, Amount = leg.Amount, BalanceAfter = after });
        }
        db.Set<LedgerTransaction>().Add(transaction);
        // No savepoint before the entries: the balances above have already moved, so a failed insert must
        // fail the whole transaction (PostgreSQL aborts it) rather than be undone on its own.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        return transaction;
    }

    public async Task<Guid> SystemAccountAsync(string code, CancellationToken cancellationToken) =>
        await db.Set<LedgerAccount>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync(cancellationToken);

    /// <summary>Creates the system accounts in the operator currency when missing (first start).</summary>
    public async Task EnsureSystemAccountsAsync(string currency, CancellationToken cancellationToken)
    {
        var existing = await db.Set<LedgerAccount>().Where(a => SystemAccounts.All.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        foreach (var code in SystemAccounts.All.Except(existing))
        {
            db.Set<LedgerAccount>().Add(new LedgerAccount { Code = code, Currency = currency, CreatedAt = time.UtcNow() });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

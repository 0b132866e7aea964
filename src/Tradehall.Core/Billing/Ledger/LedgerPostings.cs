using System.Collections.Concurrent;
using System.Data.Common;

namespace Tradehall.Core.Billing.Ledger;

/// <summary>One side of a posting: this much into (positive) or out of (negative) an account.</summary>
public sealed record Leg(Guid AccountId, long Amount, long? Floor = null);

/// <summary>One change of money to post; <paramref name="Text"/> is its line, shown to each reader in their language.</summary>
public sealed record Posting(string Kind, DeferredText Text, IReadOnlyList<Leg> Legs, Guid? ActorId = null, string? Source = null, string? ExternalId = null);

/// <summary>The codes of the operator's own ledger accounts, made on first start (<see cref="LedgerPostings.EnsureSystemAccountsAsync"/>).</summary>
public static class SystemAccounts
{
    public const string GatewayCash = "cash:gateway";
    public const string BankCash = "cash:bank";
    public const string Revenue = "revenue";
    public const string Adjustments = "operator:adjustments";
    public const string Suspense = "suspense";

    /// <summary>BIL-17: amounts subscribers asked to have paid back to a bank, off their balances until paid or rejected.</summary>
    public const string RefundsPayable = "refunds:payable";
    public static readonly string[] All = [GatewayCash, BankCash, Revenue, Adjustments, Suspense, RefundsPayable];
}

/// <summary>
/// BIL-02: the only code that writes money. Entries are appended; a kept balance moves by an atomic
/// increment in the same transaction, guarded by its floor, so parallel postings never lose an update
/// and never take an account below what it may reach.
/// </summary>
public sealed class LedgerPostings(AppDbContext db, TimeProvider time, LedgerPostings.BalancelessAccounts balanceless)
{
    public const int DescriptionLength = 300;

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
        var transaction = Header(posting, time.UtcNow());
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
            transaction.Entries.Add(new LedgerEntry { TransactionId = transaction.Id, AccountId = leg.AccountId, Amount = leg.Amount, BalanceAfter = after });
        }
        await AppendAsync([transaction], cancellationToken);
        return transaction;
    }

    private sealed record AccountBalance(Guid Id, long Balance);

    /// <summary>
    /// Posts many postings in a few statements, for jobs that bill thousands of services at once. Balances move
    /// by one guarded increment per account — the account's total — so a floor holds for the lowest point of a
    /// run of charges. When any floor would be crossed nothing is written here and
    /// <c>billing.insufficient_balance</c> is thrown; the caller rolls back its transaction and decides again.
    /// </summary>
    public async Task<IReadOnlyList<LedgerTransaction>> PostManyAsync(IReadOnlyList<Posting> postings, CancellationToken cancellationToken)
    {
        if (postings.Any(p => p.Legs.Count < 2 || p.Legs.Sum(l => l.Amount) != 0 || p.Legs.Any(l => l.Amount == 0)))
        {
            throw new InvalidOperationException("A posting needs two or more non-zero legs that sum to zero.");
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Postings run inside a database transaction.");
        }
        if (postings.Count == 0)
        {
            return [];
        }
        var totals = postings.SelectMany(p => p.Legs).GroupBy(l => l.AccountId)
            .Select(g => (Id: g.Key, Amount: g.Sum(l => l.Amount), Floor: g.Max(l => l.Floor) ?? long.MinValue))
            .OrderBy(t => t.Id).ToList();
        var unknown = totals.Select(t => t.Id).Where(id => !balanceless.Contains(id)).ToList();
        foreach (var id in await db.Set<LedgerAccount>().Where(a => unknown.Contains(a.Id) && !a.CachesBalance).Select(a => a.Id).ToListAsync(cancellationToken))
        {
            balanceless.Add(id);
        }
        var kept = totals.Where(t => !balanceless.Contains(t.Id)).ToList();
        var balances = new Dictionary<Guid, long>();
        foreach (var chunk in kept.Chunk(db.Database.RowsPerStatement(3)))
        {
            if (db.Database.IsNpgsql())
            {
                // Rows are locked in id order first, as single postings do, so batches and postings never wait crosswise.
                var ids = chunk.Select(t => t.Id).ToList();
                await db.Set<LedgerAccount>().FromSql($"""SELECT * FROM billing_ledger_accounts WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""")
                    .Select(a => a.Id).ToListAsync(cancellationToken);
            }
            var moved = await db.Database.SqlQuery<AccountBalance>(BulkSql.WithValues(["Id", "Amount", "Floor"],
                [.. chunk.Select(t => new object?[] { t.Id, t.Amount, t.Floor })], """
                UPDATE billing_ledger_accounts SET "Balance" = billing_ledger_accounts."Balance" + v."Amount"
                FROM v WHERE billing_ledger_accounts."Id" = v."Id" AND billing_ledger_accounts."CachesBalance"
                  AND (v."Amount" > 0 OR billing_ledger_accounts."Balance" + v."Amount" >= v."Floor")
                RETURNING billing_ledger_accounts."Id" AS "Id", billing_ledger_accounts."Balance" AS "Balance"
                """)).ToListAsync(cancellationToken);
            foreach (var row in moved)
            {
                balances[row.Id] = row.Balance;
            }
        }
        if (balances.Count != kept.Count)
        {
            throw new DomainException("billing.insufficient_balance", "The balance is too low for this payment. Top up the personal account first.", StatusCodes.Status402PaymentRequired);
        }
        // Each entry's balance-after walks up from where the account stood before the batch.
        var running = kept.ToDictionary(t => t.Id, t => balances[t.Id] - t.Amount);
        var at = time.UtcNow();
        var transactions = postings.Select(p =>
        {
            var transaction = Header(p, at);
            foreach (var leg in p.Legs.OrderBy(l => l.AccountId))
            {
                long? after = running.TryGetValue(leg.AccountId, out var before) ? running[leg.AccountId] = before + leg.Amount : null;
                transaction.Entries.Add(new LedgerEntry { TransactionId = transaction.Id, AccountId = leg.AccountId, Amount = leg.Amount, BalanceAfter = after });
            }
            return transaction;
        }).ToList();
        await AppendAsync(transactions, cancellationToken);
        return transactions;
    }

    /// <summary>A transaction without its entries; the English line is cut to its column, the full one is in <c>Text</c>.</summary>
    private static LedgerTransaction Header(Posting posting, DateTime at)
    {
        var english = posting.Text.InEnglish();
        return new LedgerTransaction
        {
            At = at,
            Kind = posting.Kind,
            Description = english.Length <= DescriptionLength ? english : english[..(DescriptionLength - 1)] + "…",
            Text = posting.Text.Serialize(DeferredText.MaxLineLength),
            ActorId = posting.ActorId,
            Source = posting.Source,
            ExternalId = posting.ExternalId,
        };
    }

    /// <summary>
    /// Appends transactions and their entries as plain inserts: nothing to track, as they are never changed. A
    /// refused insert (a source and external id already taken) is reported as a failed save, like any other,
    /// and leaves the caller's transaction to be rolled back — the balances have already moved in it.
    /// </summary>
    private async Task AppendAsync(IReadOnlyList<LedgerTransaction> transactions, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.InsertAsync("billing_ledger_transactions", ["Id", "At", "Kind", "Description", "Text", "ActorId", "Source", "ExternalId"],
                [.. transactions.Select(t => new object?[] { t.Id, t.At, t.Kind, t.Description, t.Text, t.ActorId, t.Source, t.ExternalId })], cancellationToken);
            await db.Database.InsertAsync("billing_ledger_entries", ["TransactionId", "AccountId", "Amount", "BalanceAfter"],
                [.. transactions.SelectMany(t => t.Entries).Select(e => new object?[] { e.TransactionId, e.AccountId, e.Amount, e.BalanceAfter })], cancellationToken);
            if (transactions.Any(t => t.Kind.StartsWith("topup", StringComparison.Ordinal)))
            {
                Run.TopUpCommitInterceptor.TopUpWritten(db);
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("The ledger refused a posting: " + e.Message, e);
        }
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

namespace Tradehall.Core.Billing.Ledger;

/// <summary>BIL-02: the invariants <c>tradehall ledger verify</c> proves, each checked by the database in one pass.</summary>
public static class LedgerVerification
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var entries = db.Set<LedgerEntry>();

        var unbalanced = await entries.GroupBy(e => e.TransactionId)
            .Where(g => g.Sum(e => e.Amount) != 0 || g.Count() < 2)
            .Select(g => g.Key).OrderBy(id => id).Take(20).ToListAsync(cancellationToken);
        problems.AddRange(unbalanced.Select(id => $"transaction {id} does not balance to zero in two or more entries"));

        var empty = await db.Set<LedgerTransaction>().Where(t => !entries.Any(e => e.TransactionId == t.Id))
            .Select(t => t.Id).OrderBy(id => id).Take(20).ToListAsync(cancellationToken);
        problems.AddRange(empty.Select(id => $"transaction {id} has no entries"));

        var drifted = await db.Set<LedgerAccount>().Where(a => a.CachesBalance)
            .Select(a => new { a.Code, a.Balance, Sum = entries.Where(e => e.AccountId == a.Id).Sum(e => (long?)e.Amount) ?? 0 })
            .Where(a => a.Balance != a.Sum).OrderBy(a => a.Code).Take(20).ToListAsync(cancellationToken);
        problems.AddRange(drifted.Select(a => $"account {a.Code} keeps {a.Balance} but its entries sum to {a.Sum}"));

        // Each entry's balance-after is the running sum of the account up to it.
        var running = await db.Database.SqlQuery<long>($"""
            SELECT "Id" AS "Value" FROM (
                SELECT "Id", "BalanceAfter", SUM("Amount") OVER (PARTITION BY "AccountId" ORDER BY "Id") AS "Running"
                FROM billing_ledger_entries) AS x
            WHERE "BalanceAfter" IS NOT NULL AND "BalanceAfter" <> "Running"
            LIMIT 20
            """).ToListAsync(cancellationToken);
        problems.AddRange(running.Select(id => $"entry {id} records a balance that is not the running sum of its account"));

        var total = await entries.SumAsync(e => (long?)e.Amount, cancellationToken) ?? 0;
        if (total != 0)
        {
            problems.Add($"all entries together sum to {total}, not zero");
        }
        return problems;
    }
}

using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Billing.Run;

/// <summary>
/// BIL-18: while the operator keeps a member's services suspended as a sanction (OPS-02), each month of the suspension
/// costs the storage fee (<see cref="BillingOptions.StorageFeePerMonth"/>), charged in advance by the daily run on the
/// first run of the month (and any month a stopped run missed) — months count from the day of suspension, as reporting
/// periods do (BIL-08). The account, the
/// suspension's day and the month's number are the posting's external id, so a rerun charges nothing twice.
/// BIL-13: the fee may take the balance below zero only down to the floor an order would have (minus the credit limit,
/// zero while a debt is overdue, so no credit means not below zero): of a month's fee only what fits above the floor is
/// charged and the rest is not claimed; a month with nothing above the floor is tried again by the next run; a charge
/// below zero is a debt with its invoice, as renewals are.
/// </summary>
public sealed class StorageFees(
    AppDbContext db, LedgerPostings ledger, Credit.Debts debts, EvidenceArchive archive, IOptions<BillingOptions> options) : IBillingRunStep
{
    public const string Kind = "fee.storage";
    public const string Source = "storage";
    private const int Batch = 200;

    public string Name => "storage-fees";

    /// <summary>The month of a suspension begun on <paramref name="since"/> that <paramref name="asOf"/> falls in, counted from 1.</summary>
    public static int MonthOf(DateOnly since, DateOnly asOf)
    {
        var month = 1;
        while (Services.ReportingPeriods.End(since, month) <= asOf)
        {
            month++;
        }
        return month;
    }

    public async Task RunAsync(DateOnly asOf, Func<CancellationToken, Task> keepLease, CancellationToken cancellationToken)
    {
        var fee = Money.ToMinor(options.Value.StorageFeePerMonth) ?? 0;
        if (fee <= 0)
        {
            return;
        }
        Guid? after = null;
        while (true)
        {
            var accounts = await db.Set<BillingAccount>().AsNoTracking()
                .Where(a => a.EnforcementSuspendedOn != null && a.EnforcementSuspendedOn <= asOf && a.Status != AccountStatus.Terminated && (after == null || a.Id.CompareTo(after.Value) > 0))
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                return;
            }
            foreach (var account in accounts)
            {
                await ChargeAsync(account, fee, asOf, cancellationToken);
            }
            after = accounts[^1].Id;
            await keepLease(cancellationToken);
        }
    }

    /// <summary>Every month of the suspension begun so far that is not charged yet, oldest first, while the balance allows.</summary>
    private async Task ChargeAsync(BillingAccount account, long fee, DateOnly asOf, CancellationToken cancellationToken)
    {
        var since = account.EnforcementSuspendedOn!.Value;
        var prefix = $"{account.Id}:{since:yyyy-MM-dd}:";
        var charged = (await db.Set<LedgerTransaction>().Where(t => t.Source == Source && t.ExternalId!.StartsWith(prefix)).Select(t => t.ExternalId!)
            .ToListAsync(cancellationToken)).ToHashSet();
        for (var month = 1; month <= MonthOf(since, asOf); month++)
        {
            if (!charged.Contains(prefix + month) && !await ChargeMonthAsync(account, fee, month, prefix + month, asOf, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<bool> ChargeMonthAsync(BillingAccount account, long fee, int month, string externalId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var since = account.EnforcementSuspendedOn!.Value;
        var (start, end) = (Services.ReportingPeriods.Start(since, month), Services.ReportingPeriods.End(since, month).AddDays(-1));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var balance = await db.Set<LedgerAccount>().Where(l => l.Id == account.LedgerAccountId).Select(l => l.Balance).SingleAsync(cancellationToken);
        var floor = await debts.FloorAsync(account, asOf, cancellationToken);
        var amount = Math.Min(fee, balance - floor);
        if (amount <= 0)
        {
            return false;
        }
        var revenue = await ledger.SystemAccountAsync(SystemAccounts.Revenue, cancellationToken);
        try
        {
            await ledger.PostAsync(new Posting(Kind, DeferredText.Line("Information storage during suspension: {0} – {1}", DeferredValue.Day(start), DeferredValue.Day(end)),
                [new Leg(account.LedgerAccountId, -amount, Floor: floor), new Leg(revenue, amount)], null, Source, externalId), cancellationToken);
            await debts.IncurAsync(account.Id, account.MemberId, account.Number, Credit.Debts.BelowZero(amount, balance - amount), asOf, cancellationToken);
            archive.Record("billing.storage_fee", $"billing-account:{account.Number}", null, onBehalfOfId: account.MemberId,
                after: new { month, from = start, to = end, amount = Money.ToAmount(amount), fee = Money.ToAmount(fee) });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException || e is DomainException { Status: StatusCodes.Status402PaymentRequired })
        {
            // Another node charged the month, or the balance was spent in between: nothing was kept; the next run looks again.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

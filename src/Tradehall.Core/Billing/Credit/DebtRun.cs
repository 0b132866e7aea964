using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Credit;

public sealed record DebtRunReport(int Settled, int Penalties, int Suspended, int Terminated);

/// <summary>
/// BIL-12, BIL-13: the daily run's part for debts, before renewals. In order: debts of accounts back at zero or above are
/// settled; every late day of an open debt is charged its penalty — one ledger transaction per debt and day, its external id
/// the debt and the day, and the day remembered on the debt in the same transaction, so a rerun of the same day charges
/// nothing twice; the services of accounts with an overdue debt are suspended (BIL-10 resumes them once the debt is paid);
/// and a debt unpaid for longer than <see cref="BillingOptions.DebtTerminationMonths"/> ends the contract.
/// Penalties stop when a contract ends: what was charged until then stays owed.
/// </summary>
public sealed class DebtRun(
    AppDbContext db, LedgerPostings ledger, Debts debts, Termination termination, BillingNotices notices, EvidenceArchive archive, Hooks.ProvisioningHooks hooks,
    IOptions<BillingOptions> options)
{
    public const string PenaltySource = "penalty";
    private const int Batch = 500;

    public async Task<DebtRunReport> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var settled = await SettlePaidAsync(asOf, cancellationToken);
        var penalties = 0;
        while (await PenaltiesBatchAsync(asOf, cancellationToken) is { Debts: > 0 } batch)
        {
            penalties += batch.Posted;
        }
        var suspended = await SuspendOverdueAsync(asOf, cancellationToken);
        var terminated = 0;
        var cutoff = asOf.AddMonths(-options.Value.DebtTerminationMonths);
        var old = await (from d in db.Set<Debt>()
                         where d.SettledOn == null && d.IssuedOn < cutoff
                         join a in db.Set<BillingAccount>() on d.BillingAccountId equals a.Id
                         where a.Status != AccountStatus.Terminated
                         select a.Id).Distinct().ToListAsync(cancellationToken);
        foreach (var account in old)
        {
            if (await termination.TerminateAsync(account, TerminationReasons.Debt, asOf, null, cancellationToken))
            {
                terminated++;
            }
            db.ChangeTracker.Clear();
        }
        return new DebtRunReport(settled, penalties, suspended, terminated);
    }

    /// <summary>A payment settles debts as it is credited; this catches any whose balance came back another way.</summary>
    private async Task<int> SettlePaidAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var paid = await (from d in db.Set<Debt>()
                          where d.SettledOn == null
                          join a in db.Set<BillingAccount>() on d.BillingAccountId equals a.Id
                          join l in db.Set<LedgerAccount>() on a.LedgerAccountId equals l.Id
                          where l.Balance >= 0
                          select a.Id).Distinct().ToListAsync(cancellationToken);
        return paid.Count == 0 ? 0 : await debts.SettleAsync(paid, asOf, cancellationToken);
    }

    /// <summary>Charges the late days up to <paramref name="asOf"/> of a batch of open, overdue debts: how many debts, and how many penalties were posted.</summary>
    private async Task<(int Debts, int Posted)> PenaltiesBatchAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await (from d in db.Set<Debt>()
                         where d.SettledOn == null && d.DueOn < asOf && (d.PenalizedThrough == null || d.PenalizedThrough < asOf)
                         join a in db.Set<BillingAccount>() on d.BillingAccountId equals a.Id
                         where a.Status != AccountStatus.Terminated
                         orderby d.Id
                         select new { Debt = d, a.LedgerAccountId }).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }
        var revenue = await ledger.SystemAccountAsync(SystemAccounts.Revenue, cancellationToken);
        var percent = options.Value.PenaltyPercentPerDay;
        var postings = new List<Posting>();
        foreach (var (debt, ledgerAccount) in due.Select(d => (d.Debt, d.LedgerAccountId)))
        {
            var perDay = Debts.PenaltyPerDay(debt.Amount, percent);
            var first = (debt.PenalizedThrough ?? debt.DueOn).AddDays(1);
            for (var day = first; day <= asOf && perDay > 0; day = day.AddDays(1))
            {
                postings.Add(new Posting("penalty",
                    DeferredText.Line("Late payment penalty for {0}: {1} % of the debt invoice of {2} due {3}", DeferredValue.Day(day),
                        DeferredValue.Text(percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
                        DeferredValue.Money(debt.Amount, options.Value.Currency), DeferredValue.Day(debt.DueOn)),
                    [new Leg(ledgerAccount, -perDay), new Leg(revenue, perDay)], null, PenaltySource, $"{debt.Id:N}:{day:yyyy-MM-dd}"));
                debt.Penalties += perDay;
            }
            debt.PenalizedThrough = asOf;
        }
        await ledger.PostManyAsync(postings, cancellationToken);
        archive.Record("billing.penalties", $"billing-run:{asOf:yyyy-MM-dd}", null,
            after: due.Select(d => new { debt = d.Debt.Id, through = asOf, penalties = Money.ToAmount(d.Debt.Penalties) }).ToList());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (due.Count, postings.Count);
    }

    /// <summary>BIL-13: an overdue debt suspends the account's active services, as BIL-10 does for an empty balance.</summary>
    private async Task<int> SuspendOverdueAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var overdue = await (from d in db.Set<Debt>()
                             where d.SettledOn == null && d.DueOn < asOf
                             join a in db.Set<BillingAccount>() on d.BillingAccountId equals a.Id
                             where a.Status != AccountStatus.Terminated
                             select a.Id).Distinct().ToListAsync(cancellationToken);
        var suspended = 0;
        foreach (var chunk in overdue.Chunk(Batch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var services = await db.Set<SubscribedService>().Where(s => chunk.Contains(s.BillingAccountId) && s.Status == ServiceStatus.Active).ToListAsync(cancellationToken);
            foreach (var service in services)
            {
                service.Status = ServiceStatus.Suspended;
                service.SuspendedOn = asOf;
            }
            if (services.Count > 0)
            {
                var accounts = services.Select(s => s.BillingAccountId).Distinct().ToList();
                await db.Set<BillingAccount>().Where(a => accounts.Contains(a.Id) && a.Status == AccountStatus.Active)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccountStatus.Suspended), cancellationToken);
                archive.Record("billing.suspended_for_debt", $"billing-run:{asOf:yyyy-MM-dd}", null, after: new { services = services.Select(s => s.Id) });
                await notices.ServicesAsync(ServiceNotice.SuspendedForDebt, [.. services.Select(s => (s.MemberId, new NoticeItem(s.KindCode, s.PeriodEnd)))], cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await hooks.QueueAsync([.. services.Select(s => s.Id)], Hooks.HookActions.Suspend, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            suspended += services.Count;
        }
        return suspended;
    }
}

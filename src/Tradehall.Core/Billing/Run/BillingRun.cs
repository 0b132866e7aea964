using System.Data.Common;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Run;

public sealed record BillingRunReport(DateOnly AsOf, int Renewed, int Stopped, int Suspended, int Resumed, int ReserveWarned, int Deleted)
{
    /// <summary>BIL-12, BIL-13: debts settled, penalties charged, services suspended for an overdue debt, contracts ended for debt.</summary>
    public Credit.DebtRunReport? Debts { get; init; }

    /// <summary>BIL-25: contracts extended by a term, and ended at their term's end after notice.</summary>
    public (int Extended, int Ended) Contracts { get; init; }

    /// <summary>BIL-14: objectors' services that stopped renewing at a change, and silences accepted.</summary>
    public TariffChangeRunReport? TariffChanges { get; init; }
}


/// <summary>What one more period of a service costs and the charge for it.</summary>
internal static class Renewals
{
    public const string Source = "renewal";

    /// <summary>
    /// The tariff and price of a period starting on <paramref name="start"/>: the one the member switched to (BIL-15),
    /// or the successor of a closed tariff once the notice has run (BIL-14), at the price in force that day.
    /// </summary>
    public static (Tariff Tariff, long Price) NextPeriod(Guid tariffId, Guid? nextTariffId, DateOnly start, IReadOnlyDictionary<Guid, Tariff> tariffs, int noticeDays)
    {
        var tariff = tariffs[nextTariffId ?? tariffId];
        if (!tariff.Active && tariff is { SuccessorTariffId: { } successor, ClosedOn: { } closed } && closed.AddDays(noticeDays) <= start
            && tariffs.TryGetValue(successor, out var next))
        {
            tariff = next;
        }
        return (tariff, ServiceCatalog.PriceOn(tariff, start));
    }

    /// <summary>Its external id makes a second charge for the same period impossible.</summary>
    public static Posting Charge(Guid serviceId, int period, ServiceKind? kind, string kindCode, Tariff tariff, long price, DateOnly start, DateOnly end, Guid ledgerAccount, Guid revenue,
        long floor = 0, bool paused = false) =>
        new("renewal", DeferredText.Line(paused ? "{0}, {1}, paused: {2} – {3}" : "{0}, {1}: {2} – {3}", kind is null ? DeferredValue.Text(kindCode) : DeferredValue.Names(kind.Name),
                DeferredValue.Names(tariff.NameIn), DeferredValue.Day(start), DeferredValue.Day(end)),
            [new Leg(ledgerAccount, -price, Floor: floor), new Leg(revenue, price)], null, Source, $"{serviceId}:{period}");
}

/// <summary>
/// The daily billing run (BIL-09..11): renews every service whose period ended and whose balance covers the
/// next one, stops those without auto-renewal, suspends the rest, resumes paid-up ones, warns when the reserve
/// days begin and deletes after the grace period. Work is done in batches, each one database transaction that
/// moves services past the day it bills, so a run killed at any point and started again charges nothing twice
/// and ends where an uninterrupted run would. A cluster lease lets one node run it at a time. Higher modules' steps
/// (<see cref="IBillingRunStep"/>, e.g. DOC-01 certificates) run last, under the same lease.
/// </summary>
public sealed partial class BillingRun(
    AppDbContext db, Ledger.LedgerPostings ledger, ServiceCatalog catalog, Forecasts.Forecast forecasts, Resumption resumption, BillingNotices notices, EvidenceArchive archive, JobLeases leases,
    DomainEvents events, TariffAnnouncements announcements, Credit.DebtRun debtRun, Credit.Debts debts, Contract.ContractTerm contracts, Hooks.ProvisioningHooks hooks,
    IEnumerable<IBillingRunStep> steps, IOptions<BillingOptions> options, ILogger<BillingRun> logger)
{
    public const string JobName = "billing-run";
    private const int GraceBatch = 500;
    private const int Attempts = 5;

    private sealed record Due(Guid Id, Guid MemberId, Guid AccountId, Guid LedgerAccountId, long Balance, Guid TariffId, Guid? NextTariffId,
        string KindCode, bool AutoRenew, DateOnly ActivatedOn, DateOnly PeriodEnd, int Period, string AccountNumber, long CreditLimit, bool Paused);

    /// <summary>BIL-09, BIL-20: the services whose period renews — active ones, and paused ones at the pause tariff.</summary>
    private static readonly IReadOnlyList<ServiceStatus> Renewing = [ServiceStatus.Active, ServiceStatus.Paused];

    /// <summary>Runs the day; null when another node holds the run's lease.</summary>
    public async Task<BillingRunReport?> RunAsync(DateOnly asOf, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(JobName, options.Value.Run.Lease, cancellationToken))
        {
            return null;
        }
        DateOnly? completed = null;
        try
        {
            // New orders from today pay the prices announced for today (BIL-14); renewals read them by date below.
            await catalog.ApplyDuePricesAsync(cancellationToken);
            // Contracts that end and debts that suspend are decided first, so renewals see only services that may renew.
            var contractsDone = await contracts.RunAsync(asOf, cancellationToken);
            var debtsDone = await debtRun.RunAsync(asOf, cancellationToken);
            // BIL-14: objections stop renewals before the renewals are made.
            var changesDone = await announcements.RunAsync(asOf, cancellationToken);
            var (renewed, stopped, suspended) = await RenewAsync(asOf, progress, cancellationToken);
            progress?.Report(new JobProgress("resume", 0, 0));
            var resumed = await resumption.ResumePaidUpAsync(asOf, cancellationToken);
            var (warned, deleted) = await GraceAsync(asOf, progress, cancellationToken);
            await WarnOfRunningOutAsync(asOf, cancellationToken);
            foreach (var step in steps)
            {
                progress?.Report(new JobProgress(step.Name, 0, 0));
                await step.RunAsync(asOf, KeepLeaseAsync, cancellationToken);
            }
            completed = asOf;
            var report = new BillingRunReport(asOf, renewed, stopped, suspended, resumed, warned, deleted) { Debts = debtsDone, Contracts = contractsDone, TariffChanges = changesDone };
            LogCompleted(logger, asOf, renewed, stopped, suspended, resumed, warned, deleted);
            return report;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await leases.ReleaseAsync(JobName, completed, CancellationToken.None);
        }
    }

    private async Task<(int Renewed, int Stopped, int Suspended)> RenewAsync(DateOnly asOf, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var total = await db.Set<SubscribedService>().LongCountAsync(s => Renewing.Contains(s.Status) && s.PeriodEnd <= asOf, cancellationToken);
        var tariffs = await db.Set<Tariff>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, cancellationToken);
        var revenue = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Revenue, cancellationToken);
        int renewed = 0, stopped = 0, suspended = 0;
        long done = 0;
        progress?.Report(new JobProgress("renew", 0, total));
        while (true)
        {
            var batch = await WithRetriesAsync(() => RenewBatchAsync(asOf, tariffs, kinds, revenue, cancellationToken), cancellationToken);
            if (batch.Count == 0)
            {
                return (renewed, stopped, suspended);
            }
            renewed += batch.Renewed;
            stopped += batch.Stopped;
            suspended += batch.Suspended;
            done += batch.Count;
            // A service several periods behind is billed once per pass, so the count can outgrow the first estimate.
            progress?.Report(new JobProgress("renew", done, Math.Max(total, done)));
            await KeepLeaseAsync(cancellationToken);
        }
    }

    private sealed record BatchResult(int Count, int Renewed, int Stopped, int Suspended);

    private async Task<BatchResult> RenewBatchAsync(DateOnly asOf, Dictionary<Guid, Tariff> tariffs, Dictionary<string, ServiceKind> kinds, Guid revenue,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await (
            from s in db.Set<SubscribedService>()
            where Renewing.Contains(s.Status) && s.PeriodEnd <= asOf
            join a in db.Set<BillingAccount>() on s.BillingAccountId equals a.Id
            join l in db.Set<LedgerAccount>() on a.LedgerAccountId equals l.Id
            orderby s.PeriodEnd, s.Id
            select new Due(s.Id, s.MemberId, a.Id, a.LedgerAccountId, l.Balance, s.TariffId, s.NextTariffId, s.KindCode, s.AutoRenew,
                s.ActivatedOn!.Value, s.PeriodEnd!.Value, s.Period, a.Number, a.CreditLimit, s.Status == ServiceStatus.Paused))
            .Take(options.Value.Run.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new BatchResult(0, 0, 0, 0);
        }

        // BIL-09, BIL-10: in order, each service renews while its account's balance covers the period; zero never does.
        // BIL-13: with credit the balance may go down to minus the limit.
        var left = due.GroupBy(d => d.LedgerAccountId).ToDictionary(g => g.Key, g => g.First().Balance);
        var renew = new List<(Due Due, Tariff Tariff, long Price, DateOnly End)>();
        var suspend = new List<Due>();
        var stop = new List<Due>();
        foreach (var d in due)
        {
            var (tariff, price) = Renewals.NextPeriod(d.TariffId, d.NextTariffId, d.PeriodEnd, tariffs, options.Value.TariffChangeNoticeDays);
            if (d.Paused)
            {
                price = Pausing.PausePrice(price, options.Value.PausePricePercent);
            }
            if (!d.AutoRenew)
            {
                stop.Add(d);
            }
            else if (Credit.Debts.Covers(left[d.LedgerAccountId], price, -d.CreditLimit))
            {
                left[d.LedgerAccountId] -= price;
                renew.Add((d, tariff, price, ReportingPeriods.Next(d.ActivatedOn, d.PeriodEnd, tariff.PeriodMonths)));
            }
            else
            {
                suspend.Add(d);
            }
        }

        await ledger.PostManyAsync([.. renew.Select(r => Renewals.Charge(r.Due.Id, r.Due.Period + 1, kinds.GetValueOrDefault(r.Due.KindCode), r.Due.KindCode,
            r.Tariff, r.Price, r.Due.PeriodEnd, r.End, r.Due.LedgerAccountId, revenue, -r.Due.CreditLimit, r.Due.Paused))], cancellationToken);
        // BIL-13: what the batch's charges took below zero is one debt per account, with its invoice.
        foreach (var d in renew.Select(r => r.Due).DistinctBy(d => d.AccountId))
        {
            var below = Math.Max(0, -left[d.LedgerAccountId]) - Math.Max(0, -d.Balance);
            await debts.IncurAsync(d.AccountId, d.MemberId, d.AccountNumber, below, asOf, cancellationToken);
        }
        foreach (var chunk in renew.Chunk(db.Database.RowsPerStatement(6)))
        {
            await db.Database.ExecuteSqlAsync(BulkSql.WithValues(["Id", "Period", "PeriodStart", "PeriodEnd", "TariffId", "PeriodAtPausePrice"],
                [.. chunk.Select(r => new object?[] { r.Due.Id, r.Due.Period + 1, r.Due.PeriodEnd, r.End, r.Tariff.Id, r.Due.Paused })], """
                UPDATE billing_services SET "Period" = v."Period", "PeriodStart" = v."PeriodStart", "PeriodEnd" = v."PeriodEnd",
                  "TariffId" = v."TariffId", "NextTariffId" = NULL, "PeriodAtPausePrice" = v."PeriodAtPausePrice"
                FROM v WHERE billing_services."Id" = v."Id"
                """), cancellationToken);
        }
        if (stop.Count > 0)
        {
            var ids = stop.Select(d => d.Id).ToList();
            await db.Set<SubscribedService>().Where(s => ids.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Stopped), cancellationToken);
            // BIL-24: a service that was not renewed has ended, as far as whoever provides it is concerned.
            await hooks.QueueAsync(ids, Hooks.HookActions.Delete, cancellationToken);
        }
        if (suspend.Count > 0)
        {
            var ids = suspend.Select(d => d.Id).ToList();
            await db.Set<SubscribedService>().Where(s => ids.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Suspended).SetProperty(s => s.SuspendedOn, s => s.PeriodEnd)
                    .SetProperty(s => s.PausedOn, (DateOnly?)null), cancellationToken);
            await hooks.QueueAsync(ids, Hooks.HookActions.Suspend, cancellationToken);
            var accounts = suspend.Select(d => d.AccountId).Distinct().ToList();
            await db.Set<BillingAccount>().Where(a => accounts.Contains(a.Id) && a.Status == AccountStatus.Active)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccountStatus.Suspended), cancellationToken);
            await notices.ServicesAsync(ServiceNotice.Suspended, [.. suspend.Select(d => (d.MemberId, new NoticeItem(d.KindCode, d.PeriodEnd)))], cancellationToken);
        }
        archive.Record("billing.run", $"billing-run:{asOf:yyyy-MM-dd}", null, after: new
        {
            renewed = renew.Select(r => new { service = r.Due.Id, period = r.Due.Period + 1, amount = Money.ToAmount(r.Price), until = r.End }),
            suspended = suspend.Select(d => d.Id),
            stopped = stop.Select(d => d.Id),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new BatchResult(due.Count, renew.Count, stop.Count, suspend.Count);
    }

    /// <summary>
    /// BIL-11: deletion after the grace period, then the warning when the reserve days begin, per service kind. During an
    /// enforcement suspension (OPS-02) the data is kept for the storage fee (BIL-18), so no grace period runs.
    /// </summary>
    private async Task<(int Warned, int Deleted)> GraceAsync(DateOnly asOf, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        int warned = 0, deleted = 0;
        foreach (var kind in await db.Set<ServiceKind>().AsNoTracking().OrderBy(k => k.Code).ToListAsync(cancellationToken))
        {
            var deleteBy = asOf.AddDays(-kind.GraceDays);
            while (await WithRetriesAsync(() => DeleteBatchAsync(kind.Code, deleteBy, asOf, cancellationToken), cancellationToken) is var n and > 0)
            {
                deleted += n;
                progress?.Report(new JobProgress("delete", deleted, 0));
                await KeepLeaseAsync(cancellationToken);
            }
            var warnBy = asOf.AddDays(kind.ReserveDays - kind.GraceDays);
            while (await WithRetriesAsync(() => WarnBatchAsync(kind, warnBy, asOf, cancellationToken), cancellationToken) is var n and > 0)
            {
                warned += n;
                progress?.Report(new JobProgress("warn", warned, 0));
                await KeepLeaseAsync(cancellationToken);
            }
        }
        return (warned, deleted);
    }

    private async Task<int> DeleteBatchAsync(string kindCode, DateOnly deleteBy, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var services = await db.Set<SubscribedService>()
            .Where(s => s.Status == ServiceStatus.Suspended && s.KindCode == kindCode && s.SuspendedOn <= deleteBy && !db.Set<BillingAccount>().Any(a => a.Id == s.BillingAccountId && a.EnforcementSuspendedOn != null))
            .OrderBy(s => s.Id).Take(GraceBatch).ToListAsync(cancellationToken);
        foreach (var service in services)
        {
            service.Status = ServiceStatus.Deleted;
            service.DeletedOn = asOf;
            await events.PublishAsync(new ServiceDataDeleted(service.Id, service.MemberId, service.KindCode), cancellationToken);
        }
        if (services.Count > 0)
        {
            archive.Record("billing.services_deleted", $"billing-run:{asOf:yyyy-MM-dd}", null, after: new { kind = kindCode, services = services.Select(s => s.Id) });
            await notices.ServicesAsync(ServiceNotice.Deleted, [.. services.Select(s => (s.MemberId, new NoticeItem(s.KindCode, asOf)))], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await hooks.QueueAsync([.. services.Select(s => s.Id)], Hooks.HookActions.Delete, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return services.Count;
    }

    private async Task<int> WarnBatchAsync(ServiceKind kind, DateOnly warnBy, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var services = await db.Set<SubscribedService>()
            .Where(s => s.Status == ServiceStatus.Suspended && s.KindCode == kind.Code && s.ReserveWarnedOn == null && s.SuspendedOn <= warnBy && !db.Set<BillingAccount>().Any(a => a.Id == s.BillingAccountId && a.EnforcementSuspendedOn != null))
            .OrderBy(s => s.Id).Take(GraceBatch).ToListAsync(cancellationToken);
        foreach (var service in services)
        {
            service.ReserveWarnedOn = asOf;
        }
        await notices.ServicesAsync(ServiceNotice.ReserveStarted,
            [.. services.Select(s => (s.MemberId, new NoticeItem(s.KindCode, s.SuspendedOn!.Value.AddDays(kind.GraceDays))))], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return services.Count;
    }

    /// <summary>
    /// BIL-22: members whose funds last no more than <see cref="BillingOptions.ForecastWarningDays"/> are told once per date.
    /// Only a renewal within that horizon can run the funds out, so only members with one are forecast.
    /// </summary>
    private async Task WarnOfRunningOutAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var horizon = asOf.AddDays(options.Value.ForecastWarningDays + 1);
        var members = await db.Set<SubscribedService>()
            .Where(s => s.Status == ServiceStatus.Active && s.AutoRenew && s.PeriodEnd <= horizon)
            .Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken);
        foreach (var chunk in members.Chunk(GraceBatch))
        {
            await WithRetriesAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var accounts = await db.Set<BillingAccount>().Where(a => chunk.Contains(a.MemberId)).ToListAsync(cancellationToken);
                foreach (var account in accounts)
                {
                    var forecast = await forecasts.ForMemberAsync(account.MemberId, cancellationToken, asOf);
                    if (forecast is { Warning: true, FundsLastUntil: { } until } && account.FundsWarnedFor != until)
                    {
                        account.FundsWarnedFor = until;
                        notices.FundsRunningOut(account.MemberId, until, forecast.MonthlySpend);
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return accounts.Count;
            }, cancellationToken);
        }
    }

    /// <summary>
    /// A batch that lost a race (a balance spent by a parallel order, a deadlock, a unique key taken by another
    /// node) was rolled back whole; it is read and decided again.
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await batch();
            }
            catch (Exception e) when (attempt < Attempts && !cancellationToken.IsCancellationRequested
                && e is DbUpdateException or DbException or DomainException { Status: StatusCodes.Status402PaymentRequired })
            {
                db.ChangeTracker.Clear();
                LogBatchRetried(logger, attempt, e.GetType().Name);
            }
        }
    }

    private async Task KeepLeaseAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(JobName, options.Value.Run.Lease, cancellationToken))
        {
            throw new InvalidOperationException("The billing run's lease passed to another node; this node stops.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Billing run for {AsOf} completed: {Renewed} renewed, {Stopped} stopped, {Suspended} suspended, {Resumed} resumed, {Warned} warned, {Deleted} deleted")]
    private static partial void LogCompleted(ILogger logger, DateOnly asOf, int renewed, int stopped, int suspended, int resumed, int warned, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Billing run batch rolled back and retried (attempt {Attempt}): {Reason}")]
    private static partial void LogBatchRetried(ILogger logger, int attempt, string reason);
}

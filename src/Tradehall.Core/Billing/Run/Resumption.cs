using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Run;

/// <summary>
/// BIL-10: a payment that covers a suspended service's next period resumes it — a new period starts on
/// the day of resumption — and an account with nothing left suspended is active again.
/// </summary>
public sealed class Resumption(
    AppDbContext db, Ledger.LedgerPostings ledger, BillingNotices notices, EvidenceArchive archive, Hooks.ProvisioningHooks hooks, IOptions<BillingOptions> options)
{
    /// <summary>Resumes every account whose balance now covers one of its suspended services; returns how many services resumed.</summary>
    public async Task<int> ResumePaidUpAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var resumed = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var accounts = await (
                from s in db.Set<SubscribedService>()
                where s.Status == ServiceStatus.Suspended
                join t in db.Set<Tariff>() on s.NextTariffId ?? s.TariffId equals t.Id
                join a in db.Set<BillingAccount>() on s.BillingAccountId equals a.Id
                join l in db.Set<LedgerAccount>() on a.LedgerAccountId equals l.Id
                where ((l.Balance >= t.Price && l.Balance > 0) || (s.PeriodEnd > today && l.Balance >= 0)) && !seen.Contains(a.Id) && a.EnforcementSuspendedOn == null
                select a.Id).Distinct().OrderBy(id => id).Take(200).ToListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                return resumed;
            }
            foreach (var id in accounts)
            {
                seen.Add(id);
                resumed += await ResumeAccountAsync(id, today, cancellationToken);
            }
        }
    }

    /// <summary>
    /// BIL-13: a service suspended for an overdue debt before its paid period ended; once the balance is back at zero or
    /// above it resumes in that period, without a new charge.
    /// </summary>
    public static bool PaidUntil(DateOnly? periodEnd, DateOnly today) => periodEnd > today;

    /// <summary>BIL-10: whether the balance pays one more period of a suspended service; a balance of zero never does.</summary>
    public static bool Covers(long balance, long price) => balance > 0 && balance >= price;

    /// <summary>
    /// BIL-10: the least payment (minor units) after which <see cref="ResumeAccountAsync"/>, taking the suspended services'
    /// next-period <paramref name="prices"/> in its order, resumes every one of them — <see cref="Covers"/> holds before each
    /// charge — counted from <paramref name="balance"/>, which a debt makes negative. Zero when the balance suffices already.
    /// </summary>
    public static long ToResumeAll(long balance, IEnumerable<long> prices)
    {
        long spent = 0, needed = 0;
        foreach (var price in prices)
        {
            // Before this service is charged, what is left must still be positive and cover its price.
            needed = Math.Max(needed, spent + Math.Max(price, 1));
            spent += price;
        }
        return Math.Max(0, needed - balance);
    }

    public async Task<int> ResumeAccountAsync(Guid billingAccountId, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var account = await db.Set<BillingAccount>().SingleAsync(a => a.Id == billingAccountId, cancellationToken);
            if (account.EnforcementSuspendedOn is not null)
            {
                // OPS-02: a sanction suspension is lifted by the operator only, never by a payment.
                return 0;
            }
            var balance = await db.Set<LedgerAccount>().Where(l => l.Id == account.LedgerAccountId).Select(l => l.Balance).SingleAsync(cancellationToken);
            var suspended = await db.Set<SubscribedService>().Where(s => s.BillingAccountId == billingAccountId && s.Status == ServiceStatus.Suspended)
                .OrderBy(s => s.SuspendedOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
            var tariffs = await db.Set<Tariff>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
            var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, cancellationToken);
            var revenue = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Revenue, cancellationToken);
            var done = new List<(Guid, NoticeItem)>();
            foreach (var service in suspended)
            {
                if (PaidUntil(service.PeriodEnd, today))
                {
                    if (balance >= 0)
                    {
                        Resume(service);
                        done.Add((service.MemberId, new NoticeItem(service.KindCode, service.PeriodEnd)));
                    }
                    continue;
                }
                var (tariff, price) = Renewals.NextPeriod(service.TariffId, service.NextTariffId, today, tariffs, options.Value.TariffChangeNoticeDays);
                if (!Covers(balance, price))
                {
                    continue;
                }
                service.Period += 1;
                await ledger.PostAsync(Renewals.Charge(service.Id, service.Period, kinds.GetValueOrDefault(service.KindCode), service.KindCode, tariff, price,
                    today, ReportingPeriods.End(today, 1, tariff.PeriodMonths), account.LedgerAccountId, revenue), cancellationToken);
                balance -= price;
                service.TariffId = tariff.Id;
                service.NextTariffId = null;
                service.ActivatedOn = today;
                service.PeriodStart = today;
                service.PeriodEnd = ReportingPeriods.End(today, 1, tariff.PeriodMonths);
                Resume(service);
                done.Add((service.MemberId, new NoticeItem(service.KindCode, service.PeriodEnd)));
            }
            if (done.Count == suspended.Count && account.Status == AccountStatus.Suspended)
            {
                account.Status = AccountStatus.Active;
            }
            if (done.Count > 0)
            {
                archive.Record("billing.services_resumed", $"billing-account:{account.Number}", null, onBehalfOfId: account.MemberId,
                    after: new { services = suspended.Where(s => s.Status == ServiceStatus.Active).Select(s => new { s.Id, s.Period, s.PeriodStart, s.PeriodEnd }) });
                await notices.ServicesAsync(ServiceNotice.Resumed, done, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await hooks.QueueAsync([.. suspended.Where(s => s.Status == ServiceStatus.Active).Select(s => s.Id)], Hooks.HookActions.Resume, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return done.Count;
        }
        catch (Exception e) when (e is DbUpdateException || e is DomainException { Status: StatusCodes.Status402PaymentRequired })
        {
            // The balance was spent, or another node resumed the same service, between reading and charging:
            // nothing was kept, and the next sweep looks again.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private static void Resume(SubscribedService service)
    {
        service.Status = ServiceStatus.Active;
        service.SuspendedOn = null;
        service.ReserveWarnedOn = null;
    }
}

/// <summary>Wakes the resumption sweep when money arrives, so a payment resumes services in seconds, not at the next poll.</summary>
public sealed class ResumptionSignal : WakeSignal;

/// <summary>
/// Wakes the resumption sweep when a transaction that credited a top-up commits: the ledger writes its postings by
/// statement, not through the change tracker, and tells this interceptor of the top-ups it wrote; woken any earlier,
/// the sweep would not see the money yet.
/// </summary>
internal sealed class TopUpCommitInterceptor(ResumptionSignal signal) : DbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Credited = [];

    /// <summary>The ledger wrote a top-up in <paramref name="context"/>'s open transaction.</summary>
    public static void TopUpWritten(DbContext context) => Credited.AddOrUpdate(context, context);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: false);
        return Task.CompletedTask;
    }

    private void Ended(TransactionEndEventData eventData, bool committed)
    {
        if (eventData.Context is { } context && Credited.Remove(context) && committed)
        {
            signal.Raise();
        }
    }
}

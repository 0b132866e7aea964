using System.Data.Common;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Services;

/// <summary>
/// BIL-20: a subscriber pauses an active service and resumes it when they like. Pausing takes effect at once and
/// returns nothing — the period running was paid for; while paused the service is not provided and each renewal
/// charges the pause tariff (<see cref="BillingOptions.PausePricePercent"/> of the tariff's price). Resuming within a
/// period paid at the full price costs nothing more; resuming within one paid at the pause tariff starts a new period
/// that day at the full price, as resuming after a suspension does (BIL-10). Both answer with the service as it is now,
/// so asking twice changes nothing the second time.
/// </summary>
public sealed class Pausing(
    AppDbContext db, Ledger.LedgerPostings ledger, Credit.Debts debts, Hooks.ProvisioningHooks hooks, EvidenceArchive archive, TimeProvider time, IOptions<BillingOptions> options,
    IOptions<TradehallOptions> site, IEnumerable<IOrderingRestrictions> restrictions)
{
    /// <summary>BIL-20: the price of a period at the pause tariff, rounded down to the minor unit.</summary>
    public static long PausePrice(long price, int percent) => price * percent / 100;

    /// <summary>What the current period of <paramref name="service"/> cost: the tariff's price, or the pause tariff's when it was paid paused.</summary>
    public static long PeriodPrice(SubscribedService service, Tariff tariff, int pausePercent) =>
        service.PeriodAtPausePrice ? PausePrice(tariff.Price, pausePercent) : tariff.Price;

    public Task<ServiceView> PauseAsync(Guid memberId, Guid serviceId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var (service, _) = await LockedAsync(memberId, serviceId, cancellationToken);
            if (service.Status == ServiceStatus.Paused)
            {
                return Ordering.View(service);
            }
            if (service.Status != ServiceStatus.Active)
            {
                throw new DomainException("billing.service_not_active", "Only an active service can be paused.", StatusCodes.Status409Conflict);
            }
            service.Status = ServiceStatus.Paused;
            service.PausedOn = time.Today(site.Value.Zone);
            archive.Record("billing.service_paused", $"service:{service.Id}", memberId, after: new { service.PausedOn, service.PeriodEnd });
            await db.SaveChangesAsync(cancellationToken);
            await hooks.QueueAsync([service.Id], Hooks.HookActions.Pause, cancellationToken);
            return Ordering.View(service);
        }, cancellationToken);

    public Task<ServiceView> ResumeAsync(Guid memberId, Guid serviceId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var (service, account) = await LockedAsync(memberId, serviceId, cancellationToken);
            if (service.Status == ServiceStatus.Active)
            {
                return Ordering.View(service);
            }
            if (service.Status != ServiceStatus.Paused)
            {
                throw new DomainException("billing.service_not_paused", "Only a paused service can be resumed this way.", StatusCodes.Status409Conflict);
            }
            await Contract.Enforcement.EnsureMayOrderAsync(account, memberId, restrictions, cancellationToken);
            var today = time.Today(site.Value.Zone);
            long charged = 0;
            if (service.PeriodAtPausePrice && service.PeriodEnd > today)
            {
                charged = await StartFullPeriodAsync(service, account, today, cancellationToken);
            }
            service.Status = ServiceStatus.Active;
            service.PausedOn = null;
            archive.Record("billing.service_unpaused", $"service:{service.Id}", memberId,
                after: new { charged = Money.ToAmount(charged), service.Period, service.PeriodStart, service.PeriodEnd });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                throw Changed();
            }
            await hooks.QueueAsync([service.Id], Hooks.HookActions.Unpause, cancellationToken);
            return Ordering.View(service);
        }, cancellationToken);

    /// <summary>A new period from today at the full price (BIL-08 counts it from today), on credit down to the limit (BIL-13).</summary>
    private async Task<long> StartFullPeriodAsync(SubscribedService service, BillingAccount account, DateOnly today, CancellationToken cancellationToken)
    {
        var tariffs = await db.Set<Tariff>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var (tariff, price) = Run.Renewals.NextPeriod(service.TariffId, service.NextTariffId, today, tariffs, options.Value.TariffChangeNoticeDays);
        var kind = await db.Set<ServiceKind>().AsNoTracking().FirstOrDefaultAsync(k => k.Code == service.KindCode, cancellationToken);
        var revenue = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Revenue, cancellationToken);
        var floor = await debts.FloorAsync(account, today, cancellationToken);
        var end = ReportingPeriods.End(today, 1, tariff.PeriodMonths);
        Ledger.LedgerTransaction posted;
        try
        {
            posted = await ledger.PostAsync(Run.Renewals.Charge(service.Id, service.Period + 1, kind, service.KindCode, tariff, price, today, end,
                account.LedgerAccountId, revenue, floor), cancellationToken);
        }
        catch (DbException)
        {
            // The billing run charged this period first (the external id is taken): nothing of this call was kept.
            throw Changed();
        }
        var balanceAfter = posted.Entries.Single(e => e.AccountId == account.LedgerAccountId).BalanceAfter!.Value;
        await debts.IncurAsync(account.Id, service.MemberId, account.Number, Credit.Debts.BelowZero(price, balanceAfter), today, cancellationToken);
        service.Period += 1;
        service.TariffId = tariff.Id;
        service.NextTariffId = null;
        service.ActivatedOn = today;
        service.PeriodStart = today;
        service.PeriodEnd = end;
        service.PeriodAtPausePrice = false;
        return price;
    }

    /// <summary>The member's service, with its account, after any parallel pause or resume of it has committed.</summary>
    private async Task<(SubscribedService Service, BillingAccount Account)> LockedAsync(Guid memberId, Guid serviceId, CancellationToken cancellationToken)
    {
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.Service(serviceId), cancellationToken);
        var service = await db.Set<SubscribedService>().FirstOrDefaultAsync(s => s.Id == serviceId && s.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.service_not_found", "No such service.");
        var account = await db.Set<BillingAccount>().AsNoTracking().SingleAsync(a => a.Id == service.BillingAccountId, cancellationToken);
        Contract.Termination.EnsureLive(account);
        return (service, account);
    }

    private static DomainException Changed() =>
        new("billing.service_changed", "The service changed while this was being done; look at it again and retry.", StatusCodes.Status409Conflict);
}

using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Services;

public sealed record CancelRequest(bool Immediately = false);

public sealed record CancelResult(ServiceView Service, decimal Refunded);

/// <summary>
/// BIL-16: what cancelling a service now would do. <see cref="Refund"/> is the price of the <see cref="UnusedMonths"/>
/// full months that begin on <see cref="UnusedFrom"/>; <see cref="NotRefunded"/> is the rest of the paid period's price
/// (the months already begun, or all of it when the tariff is not refundable), zero when no paid period is running.
/// </summary>
public sealed record CancelQuote(Guid ServiceId, string Kind, string KindName, string TariffName, decimal Price, string Currency, int PeriodMonths,
    bool Refundable, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly StopsOn, int UnusedMonths, DateOnly? UnusedFrom,
    decimal Refund, decimal NotRefunded, decimal Balance, decimal BalanceAfter);

/// <summary>
/// BIL-15, BIL-16: cancelling stops renewal at the end of the paid period; cancelling at once stops
/// the service now and returns to the balance the price of the full unused months only — nothing for
/// kinds that are not refundable.
/// </summary>
public sealed class Cancellation(
    AppDbContext db, Ledger.LedgerPostings ledger, EvidenceArchive archive, Hooks.ProvisioningHooks hooks, TimeProvider time, IOptions<BillingOptions> options,
    IOptions<TradehallOptions> site)
{
    public Task<CancelResult> CancelAsync(Guid memberId, Guid serviceId, CancelRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => CancelInTransactionAsync(memberId, serviceId, request, cancellationToken), cancellationToken);

    private async Task<CancelResult> CancelInTransactionAsync(Guid memberId, Guid serviceId, CancelRequest request, CancellationToken cancellationToken)
    {
        var service = await FindAsync(memberId, serviceId, db.Set<SubscribedService>(), cancellationToken);
        long refund = 0;
        var provided = service.Status is ServiceStatus.Active or ServiceStatus.Suspended;
        if (!request.Immediately)
        {
            service.AutoRenew = false;
        }
        else
        {
            var tariff = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == service.TariffId, cancellationToken);
            var today = time.Today(site.Value.Zone);
            refund = RefundNow(service, tariff, today, options.Value.PausePricePercent);
            if (refund > 0)
            {
                var account = await db.Set<BillingAccount>().AsNoTracking().SingleAsync(a => a.Id == service.BillingAccountId, cancellationToken);
                var revenue = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Revenue, cancellationToken);
                var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Code == service.KindCode, cancellationToken);
                await ledger.PostAsync(new Ledger.Posting("refund", DeferredText.Line("{0}, {1}: unused months returned", DeferredValue.Names(kind.Name), DeferredValue.Names(tariff.NameIn)),
                    [new Ledger.Leg(account.LedgerAccountId, refund), new Ledger.Leg(revenue, -refund)], memberId), cancellationToken);
            }
            service.Status = ServiceStatus.Stopped;
            service.AutoRenew = false;
            service.PeriodEnd = today;
        }
        archive.Record("billing.service_cancelled", $"service:{service.Id}", memberId,
            after: new { request.Immediately, refunded = Money.ToAmount(refund), service.PeriodEnd });
        await db.SaveChangesAsync(cancellationToken);
        if (request.Immediately && provided)
        {
            await hooks.QueueAsync([service.Id], Hooks.HookActions.Delete, cancellationToken);
        }
        return new CancelResult(Ordering.View(service), Money.ToAmount(refund));
    }

    /// <summary>
    /// BIL-16: what <see cref="CancelAsync"/> with <c>Immediately</c> would return and keep if it ran today, by the same
    /// rule (<see cref="RefundNow"/>), and the balance after; it refuses what the cancellation would refuse.
    /// </summary>
    public async Task<CancelQuote> QuoteAsync(Guid memberId, Guid serviceId, string culture, CancellationToken cancellationToken)
    {
        var service = await FindAsync(memberId, serviceId, db.Set<SubscribedService>().AsNoTracking(), cancellationToken);
        var tariff = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == service.TariffId, cancellationToken);
        var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Id == tariff.KindId, cancellationToken);
        var ledgerAccount = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.Id == service.BillingAccountId)
            .Join(db.Set<Ledger.LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { l.Balance, l.Currency })
            .SingleAsync(cancellationToken);
        var today = time.Today(site.Value.Zone);
        var refund = RefundNow(service, tariff, today, options.Value.PausePricePercent);
        var unused = service.PeriodStart is { } start ? UnusedFullMonths(start, tariff.PeriodMonths, today) : 0;
        // A service awaiting confirmation has paid its first period already; a suspended one has no period running.
        var running = service.Status == ServiceStatus.AwaitingConfirmation || service.PeriodEnd > today;
        var kept = running ? Math.Max(0, Pausing.PeriodPrice(service, tariff, options.Value.PausePricePercent) - refund) : 0;
        return new CancelQuote(service.Id, kind.Code, kind.Name(culture), tariff.NameIn(culture), Money.ToAmount(tariff.Price), ledgerAccount.Currency, tariff.PeriodMonths,
            tariff.Refundable, service.PeriodStart, service.PeriodEnd, today, unused,
            service.PeriodStart?.AddMonths(tariff.PeriodMonths - unused), Money.ToAmount(refund), Money.ToAmount(kept),
            Money.ToAmount(ledgerAccount.Balance), Money.ToAmount(ledgerAccount.Balance + refund));
    }

    private static async Task<SubscribedService> FindAsync(Guid memberId, Guid serviceId, IQueryable<SubscribedService> services, CancellationToken cancellationToken)
    {
        var service = await services.FirstOrDefaultAsync(s => s.Id == serviceId && s.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.service_not_found", "No such service.");
        if (service.Status == ServiceStatus.Stopped)
        {
            throw new DomainException("billing.service_stopped", "This service has already stopped.", StatusCodes.Status409Conflict);
        }
        return service;
    }

    /// <summary>
    /// BIL-16: stopping today returns the price of the paid period's full unused months — at the pause tariff when the period
    /// was paid paused (BIL-20) — and nothing for a tariff that is not refundable.
    /// </summary>
    private static long RefundNow(SubscribedService service, Tariff tariff, DateOnly today, int pausePercent) =>
        tariff.Refundable && service.PeriodStart is { } start
            ? UnusedFullMonths(start, tariff.PeriodMonths, today) * (Pausing.PeriodPrice(service, tariff, pausePercent) / tariff.PeriodMonths) : 0;

    /// <summary>
    /// BIL-16: the months of a paid period that have not begun by <paramref name="today"/>; the month in
    /// progress counts as used. Months are counted from the period's start, like the period itself (BIL-08).
    /// </summary>
    public static int UnusedFullMonths(DateOnly periodStart, int periodMonths, DateOnly today) =>
        Enumerable.Range(0, periodMonths).Count(k => periodStart.AddMonths(k) > today);
}

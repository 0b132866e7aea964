using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Archive;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;
using Microsoft.Extensions.Options;

namespace Tradehall.Core.Billing.Services;

public sealed record CancelRequest(bool Immediately = false);

public sealed record CancelResult(ServiceView Service, decimal Refunded);

/// <summary>
/// BIL-15, BIL-16: cancelling stops renewal at the end of the paid period; cancelling at once stops
/// the service now and returns to the balance the price of the full unused months only — nothing for
/// kinds that are not refundable.
/// </summary>
public sealed class Cancellation(AppDbContext db, Ledger.Ledger ledger, EvidenceArchive archive, TimeProvider time, IOptions<TradehallOptions> site)
{
    public async Task<CancelResult> CancelAsync(Guid memberId, Guid serviceId, CancelRequest request, CancellationToken cancellationToken)
    {
        var service = await db.Set<SubscribedService>().FirstOrDefaultAsync(s => s.Id == serviceId && s.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.service_not_found", "No such service.");
        if (service.Status == ServiceStatus.Stopped)
        {
            throw new DomainException("billing.service_stopped", "This service has already stopped.", StatusCodes.Status409Conflict);
        }
        long refund = 0;
        if (!request.Immediately)
        {
            service.AutoRenew = false;
        }
        else
        {
            var tariff = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == service.TariffId, cancellationToken);
            var today = time.Today(site.Value.Zone);
            if (tariff.Refundable && service.PeriodStart is { } start)
            {
                refund = UnusedFullMonths(start, tariff.PeriodMonths, today) * (tariff.Price / tariff.PeriodMonths);
            }
            if (refund > 0)
            {
                var account = await db.Set<BillingAccount>().AsNoTracking().SingleAsync(a => a.Id == service.BillingAccountId, cancellationToken);
                var revenue = await ledger.SystemAccountAsync(Ledger.Ledger.SystemAccounts.Revenue, cancellationToken);
                var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Code == service.KindCode, cancellationToken);
                await ledger.PostAsync(new Ledger.Posting("refund", DeferredText.Line("{0}, {1}: unused months returned", DeferredValue.Names(kind.Name), DeferredValue.Text(tariff.Name)),
                    [new Ledger.Leg(account.LedgerAccountId, refund), new Ledger.Leg(revenue, -refund)], memberId), cancellationToken);
            }
            service.Status = ServiceStatus.Stopped;
            service.AutoRenew = false;
            service.PeriodEnd = today;
        }
        archive.Record("billing.service_cancelled", $"service:{service.Id}", memberId,
            after: new { request.Immediately, refunded = Money.ToAmount(refund), service.PeriodEnd });
        await db.SaveChangesAsync(cancellationToken);
        return new CancelResult(Ordering.View(service), Money.ToAmount(refund));
    }

    /// <summary>
    /// BIL-16: the months of a paid period that have not begun by <paramref name="today"/>; the month in
    /// progress counts as used. Months are counted from the period's start, like the period itself (BIL-08).
    /// </summary>
    public static int UnusedFullMonths(DateOnly periodStart, int periodMonths, DateOnly today) =>
        Enumerable.Range(0, periodMonths).Count(k => periodStart.AddMonths(k) > today);
}

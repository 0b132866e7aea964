using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Services;

public sealed record RejectRequest(
    [property: Required(ErrorMessage = "Give the reason for declining."), MinLength(3, ErrorMessage = "Give the reason for declining."), MaxLength(300)] string? Reason);

public sealed record RejectResult(ServiceView Service, decimal Refunded);

public sealed record AwaitingService(
    Guid Id, Guid MemberId, string MemberName, string MemberEmail, string Kind, string KindName, Guid TariffId, string TariffName, decimal Price, DateTime OrderedAt);

/// <summary>
/// BIL-07: services of confirmation-required tariffs are paid at order and wait for the operator. Confirming
/// starts the first period that day; declining stops the service and returns the first period's price in full.
/// </summary>
public sealed class Confirmation(
    AppDbContext db, Ledger.LedgerPostings ledger, BillingNotices notices, EvidenceArchive archive, Hooks.ProvisioningHooks hooks, TimeProvider time,
    IOptions<TradehallOptions> site)
{
    public async Task<IReadOnlyList<AwaitingService>> AwaitingAsync(string culture, CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.Set<SubscribedService>().AsNoTracking()
            where s.Status == ServiceStatus.AwaitingConfirmation
            join t in db.Set<Tariff>() on s.TariffId equals t.Id
            join k in db.Set<ServiceKind>() on t.KindId equals k.Id
            join m in new MemberLookup(db).Rows on s.MemberId equals m.Id
            select new { s.Id, s.MemberId, m.FirstName, m.LastName, m.Email, Kind = k, t.Name, TariffId = t.Id, t.Price, s.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.CreatedAt)
            .Select(r => new AwaitingService(r.Id, r.MemberId, $"{r.FirstName} {r.LastName}", r.Email ?? "", r.Kind.Code, r.Kind.Name(culture),
                r.TariffId, r.Name, Money.ToAmount(r.Price), r.CreatedAt))
            .ToList();
    }

    public async Task<ServiceView> ConfirmAsync(Guid operatorId, Guid serviceId, CancellationToken cancellationToken)
    {
        var (service, tariff, kind) = await FindAsync(serviceId, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var end = ReportingPeriods.End(today, 1, tariff.PeriodMonths);
        await db.InTransactionAsync(async () =>
        {
            await ClaimAsync(serviceId, s => s
                .SetProperty(x => x.Status, ServiceStatus.Active)
                .SetProperty(x => x.ActivatedOn, today)
                .SetProperty(x => x.PeriodStart, today)
                .SetProperty(x => x.PeriodEnd, end), cancellationToken);
            archive.Record("billing.service_confirmed", $"service:{service.Id}", operatorId, onBehalfOfId: service.MemberId,
                after: new { kind = kind.Code, tariff = tariff.Name, periodStart = today, periodEnd = end });
            notices.OrderConfirmed(service.MemberId, kind, tariff, today, end);
            await db.SaveChangesAsync(cancellationToken);
            await hooks.QueueAsync([serviceId], Hooks.HookActions.Activate, cancellationToken);
        }, cancellationToken);
        return Ordering.View(await db.Set<SubscribedService>().AsNoTracking().SingleAsync(s => s.Id == serviceId, cancellationToken));
    }

    /// <summary>The refund and the new status commit together, in the caller's transaction when there is one (the idempotency scope), else in its own.</summary>
    public Task<RejectResult> RejectAsync(Guid operatorId, Guid serviceId, RejectRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => RejectInTransactionAsync(operatorId, serviceId, request, cancellationToken), cancellationToken);

    private async Task<RejectResult> RejectInTransactionAsync(Guid operatorId, Guid serviceId, RejectRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var reason = request.Reason!.Trim();
        var (service, tariff, kind) = await FindAsync(serviceId, cancellationToken);
        await ClaimAsync(serviceId, s => s
            .SetProperty(x => x.Status, ServiceStatus.Stopped)
            .SetProperty(x => x.AutoRenew, false), cancellationToken);
        var refund = await FirstChargeAsync(service, cancellationToken);
        var account = await db.Set<BillingAccount>().AsNoTracking().SingleAsync(a => a.Id == service.BillingAccountId, cancellationToken);
        var revenue = await ledger.SystemAccountAsync(Ledger.SystemAccounts.Revenue, cancellationToken);
        var posted = await ledger.PostAsync(new Ledger.Posting("refund", DeferredText.Line("{0}, {1}: order declined, first period returned", DeferredValue.Names(kind.Name), DeferredValue.Names(tariff.NameIn)),
            [new Ledger.Leg(account.LedgerAccountId, refund), new Ledger.Leg(revenue, -refund)], operatorId), cancellationToken);
        archive.Record("billing.service_rejected", $"service:{service.Id}", operatorId, onBehalfOfId: service.MemberId,
            after: new { kind = kind.Code, tariff = tariff.Name, reason, refunded = Money.ToAmount(refund), transaction = posted.Id });
        notices.OrderRejected(service.MemberId, kind, tariff, reason, refund);
        await db.SaveChangesAsync(cancellationToken);
        var stopped = await db.Set<SubscribedService>().AsNoTracking().SingleAsync(s => s.Id == serviceId, cancellationToken);
        return new RejectResult(Ordering.View(stopped), Money.ToAmount(refund));
    }

    private async Task<(SubscribedService Service, Tariff Tariff, ServiceKind Kind)> FindAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var service = await db.Set<SubscribedService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            ?? throw DomainException.NotFound("billing.service_not_found", "No such service.");
        if (service.Status != ServiceStatus.AwaitingConfirmation)
        {
            throw NotAwaiting();
        }
        var tariff = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == service.TariffId, cancellationToken);
        var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Id == tariff.KindId, cancellationToken);
        return (service, tariff, kind);
    }

    /// <summary>
    /// Moves the service on only if it still awaits confirmation, in one guarded statement: of two operators
    /// acting at once, one wins and the other gets 409, so a first period is never returned twice.
    /// </summary>
    private async Task ClaimAsync(Guid serviceId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<SubscribedService>> set, CancellationToken cancellationToken)
    {
        var claimed = await db.Set<SubscribedService>()
            .Where(s => s.Id == serviceId && s.Status == ServiceStatus.AwaitingConfirmation)
            .ExecuteUpdateAsync(set, cancellationToken);
        if (claimed == 0)
        {
            throw NotAwaiting();
        }
    }

    /// <summary>
    /// What the order actually took from the balance, as the evidence recorded with it says: the tariff's
    /// price may have changed since (BIL-14), so it is not asked.
    /// </summary>
    private async Task<long> FirstChargeAsync(SubscribedService service, CancellationToken cancellationToken)
    {
        var ordered = await archive.FirstAfterAsync($"service:{service.Id}", "billing.service_ordered", cancellationToken);
        if (ordered is not null && JsonDocument.Parse(ordered).RootElement.TryGetProperty("price", out var price)
            && price.TryGetDecimal(out var amount) && Money.ToMinor(amount) is { } minor && minor > 0)
        {
            return minor;
        }
        throw new InvalidOperationException($"Service {service.Id} has no evidence of what its order charged.");
    }

    private static DomainException NotAwaiting() =>
        DomainException.Conflict("billing.service_not_awaiting", "id", "This service is not awaiting confirmation.");
}

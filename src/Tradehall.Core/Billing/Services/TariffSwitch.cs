using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Services;

public sealed record SwitchRequest([property: Required(ErrorMessage = "Choose a tariff.")] Guid? TariffId);

/// <summary>
/// BIL-15: switching tariff takes effect at the next period — the period paid for runs out on the old
/// tariff and the renewal charges the new one. Choosing the current tariff again withdraws the switch.
/// </summary>
public sealed class TariffSwitch(AppDbContext db, EvidenceArchive archive)
{
    public async Task<ServiceView> SwitchAsync(Guid memberId, Guid serviceId, SwitchRequest request, CancellationToken cancellationToken)
    {
        FieldErrors.FromAnnotations(request).ThrowIfAny();
        var service = await db.Set<SubscribedService>().FirstOrDefaultAsync(s => s.Id == serviceId && s.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.service_not_found", "No such service.");
        if (service.Status is ServiceStatus.Stopped or ServiceStatus.Deleted)
        {
            throw new DomainException("billing.service_stopped", "This service has already stopped.", StatusCodes.Status409Conflict);
        }
        var current = await db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Id == service.TariffId, cancellationToken);
        var chosen = await db.Set<Tariff>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TariffId && t.Active, cancellationToken)
            ?? throw DomainException.Field("billing.unknown_tariff", "tariffId", "There is no such tariff on sale.");
        if (chosen.KindId != current.KindId)
        {
            throw DomainException.Field("billing.other_kind", "tariffId", "Choose a tariff of the same service.");
        }
        var before = service.NextTariffId;
        service.NextTariffId = chosen.Id == service.TariffId ? null : chosen.Id;
        archive.Record("billing.tariff_switch", $"service:{service.Id}", memberId, before: new { next = before }, after: new { next = service.NextTariffId, from = service.PeriodEnd });
        await db.SaveChangesAsync(cancellationToken);
        return Ordering.View(service);
    }
}

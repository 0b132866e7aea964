namespace Tradehall.Core.Billing.Hooks;

/// <summary>BIL-24: one delivery as the operator's log shows it; <c>status</c> is "pending", "delivered" or "failed".</summary>
public sealed record HookDeliveryView(
    Guid Id, string Action, Guid ServiceId, string Kind, Guid Tariff, string MemberAccountNumber, DateTime OccurredAt, string Status, int Attempts,
    DateTime? LastAttemptAt, int? LastStatusCode, string? LastError, DateTime? NextAttemptAt, DateTime? DeliveredAt, DateTime? FailedAt, int Replays);

public sealed record HookDeliveryPage(int Total, int Page, int PageSize, int Pages, IReadOnlyList<HookDeliveryView> Items);

/// <summary>BIL-24: the operator's log of webhook deliveries, newest first, and the replay of one that ended.</summary>
public sealed class HookDeliveries(AppDbContext db, EvidenceArchive archive, TimeProvider time, IOptions<BillingOptions> options, IStringLocalizer<SharedResource> text)
{
    public static readonly IReadOnlyList<string> Statuses = ["pending", "delivered", "failed"];

    public async Task<HookDeliveryPage> ListAsync(string? status, string? kind, PageRequest page, CancellationToken cancellationToken)
    {
        var o = options.Value.Hooks;
        var (number, size) = page.Check(new PageLimits(o.PageSize, o.MaxPageSize), text);
        var rows = db.Set<HookDelivery>().AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            var wanted = Parse(status);
            rows = rows.Where(d => d.Status == wanted);
        }
        if (!string.IsNullOrEmpty(kind))
        {
            rows = rows.Where(d => d.KindCode == kind);
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(d => d.OccurredAt).ThenByDescending(d => d.Id)
            .Skip(new PageSlice(number, size).Skip).Take(size).ToListAsync(cancellationToken);
        return new HookDeliveryPage(total, number, size, Math.Max(1, (total + size - 1) / size), items.Select(View).ToList());
    }

    /// <summary>
    /// Sends a delivery that ended (delivered or failed) again as a new series of attempts, under the same id, so a receiver
    /// that already acted on it can tell. One that is still being tried answers 409.
    /// </summary>
    public Task<HookDeliveryView> ReplayAsync(Guid operatorId, Guid id, CancellationToken cancellationToken) =>
        db.InTransactionAsync(() => ReplayInTransactionAsync(operatorId, id, cancellationToken), cancellationToken);

    private async Task<HookDeliveryView> ReplayInTransactionAsync(Guid operatorId, Guid id, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var replayed = await db.Set<HookDelivery>().Where(d => d.Id == id && d.Status != HookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, HookDeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.FailedAt, (DateTime?)null)
                .SetProperty(d => d.Replays, d => d.Replays + 1), cancellationToken);
        var delivery = await db.Set<HookDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("billing.hook_delivery_not_found", "There is no such webhook delivery.");
        if (replayed == 0)
        {
            throw DomainException.Conflict("billing.hook_delivery_pending", "id", "This delivery is still being tried; it can be replayed once it is delivered or failed.");
        }
        archive.Record("billing.hook_replayed", $"hook-delivery:{id}", operatorId, after: new { kind = delivery.KindCode, delivery.Action, service = delivery.ServiceId });
        await db.SaveChangesAsync(cancellationToken);
        return View(delivery);
    }

    private static HookDeliveryStatus Parse(string status) => status switch
    {
        "pending" => HookDeliveryStatus.Pending,
        "delivered" => HookDeliveryStatus.Delivered,
        "failed" => HookDeliveryStatus.Failed,
        _ => throw DomainException.Field("request.invalid", "status", "Choose \"pending\", \"delivered\" or \"failed\"."),
    };

    private static HookDeliveryView View(HookDelivery d) =>
        new(d.Id, d.Action, d.ServiceId, d.KindCode, d.TariffId, d.AccountNumber, Utc(d.OccurredAt), Statuses[(int)d.Status - 1], d.Attempts,
            Utc(d.LastAttemptAt), d.LastStatusCode, d.LastError, d.Status == HookDeliveryStatus.Pending ? Utc(d.NextAttemptAt) : null, Utc(d.DeliveredAt),
            Utc(d.FailedAt), d.Replays);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Hooks;

/// <summary>BIL-24: what a webhook is told happened to a service.</summary>
public static class HookActions
{
    public const string Activate = "activate";
    public const string Suspend = "suspend";
    public const string Resume = "resume";

    /// <summary>BIL-20: a voluntary pause, and its end.</summary>
    public const string Pause = "pause";
    public const string Unpause = "unpause";

    /// <summary>The service ended and its data may go: the grace period ran out (BIL-11), the contract ended (BIL-12, BIL-25), it was not renewed or was cancelled at once.</summary>
    public const string Delete = "delete";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Activate, Suspend, Resume, Pause, Unpause, Delete]);
}

/// <summary>
/// BIL-24: queues the webhook calls of a status change. Every place that changes a service's status calls
/// <see cref="QueueAsync"/> once, inside the transaction that changed it and after the change is written, so the calls
/// commit or roll back with it (the outbox pattern); <see cref="HookDispatcher"/> sends them afterwards. Only services of
/// operator-defined kinds with a webhook URL get a delivery, so on a site without webhooks the call costs one indexed query.
/// </summary>
public sealed class ProvisioningHooks(AppDbContext db, TimeProvider time)
{
    private const int Chunk = 500;

    /// <summary>Queues <paramref name="action"/> (one of <see cref="HookActions"/>) for each of the services; returns how many deliveries were queued.</summary>
    public async Task<int> QueueAsync(IReadOnlyCollection<Guid> serviceIds, string action, CancellationToken cancellationToken)
    {
        if (!HookActions.All.Contains(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Not a webhook action.");
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Webhook deliveries are queued in the transaction of the status change they report.");
        }
        if (serviceIds.Count == 0 || !await db.Set<ServiceKind>().AnyAsync(k => k.HookUrl != null && !k.BuiltIn, cancellationToken))
        {
            return 0;
        }
        var now = time.UtcNow();
        var queued = 0;
        foreach (var chunk in serviceIds.Distinct().Chunk(Chunk))
        {
            var rows = await (
                from s in db.Set<SubscribedService>()
                where chunk.Contains(s.Id)
                join k in db.Set<ServiceKind>() on s.KindCode equals k.Code
                where k.HookUrl != null && !k.BuiltIn
                join a in db.Set<BillingAccount>() on s.BillingAccountId equals a.Id
                select new { s.Id, s.KindCode, s.TariffId, a.Number })
                .ToListAsync(cancellationToken);
            db.Set<HookDelivery>().AddRange(rows.Select(r => new HookDelivery
            {
                Action = action,
                ServiceId = r.Id,
                KindCode = r.KindCode,
                TariffId = r.TariffId,
                AccountNumber = r.Number,
                OccurredAt = now,
                NextAttemptAt = now,
            }));
            queued += rows.Count;
        }
        if (queued > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return queued;
    }
}

using System.Linq.Expressions;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Marketplace.Listings;

/// <summary>
/// MKT-01, MKT-05, ANL-04: the marketplace's housekeeping — owners are warned once before a listing expires, listings past
/// their validity expire and leave the search, search entries follow their owners' subscriptions (highlighted
/// while the marketplace subscription is active), and viewers' marks older than the repeat window are dropped.
/// </summary>
public sealed class ListingExpiry(AppDbContext db, SearchIndex index, Notifier notifier, Entitlements entitlements, IOptions<MarketplaceOptions> options,
    TimeProvider time)
{
    public const string JobName = "marketplace-expiry";

    /// <summary>Listings handled per save, so one round never holds a huge unit of work.</summary>
    private const int Batch = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await WarnAsync(cancellationToken);
        await ExpireAsync(cancellationToken);
        await RefreshHighlightsAsync(cancellationToken);
        await ForgetViewersAsync(cancellationToken);
    }

    /// <summary>ANL-04: a viewer's mark is needed only within the repeat window.</summary>
    private async Task ForgetViewersAsync(CancellationToken cancellationToken)
    {
        var since = time.UtcNow() - options.Value.ViewRepeatWindow;
        await db.Set<ListingViewMark>().Where(v => v.CountedAt <= since).ExecuteDeleteAsync(cancellationToken);
    }

    private Task WarnAsync(CancellationToken cancellationToken) =>
        InBatchesAsync(now =>
            {
                var horizon = now + options.Value.ExpiryWarning;
                return l => l.Status == ListingStatus.Active && l.ExpiryWarnedAt == null && l.ExpiresAt > now && l.ExpiresAt <= horizon;
            },
            (listing, now) =>
            {
                listing.ExpiryWarnedAt = now;
                notifier.Add(new NotificationRequest(listing.OwnerId, NotificationType.ListingExpiring, $"/listings/{listing.Id}", Excerpt: listing.Title));
                return Task.CompletedTask;
            }, cancellationToken);

    private Task ExpireAsync(CancellationToken cancellationToken) =>
        InBatchesAsync(now => l => l.Status == ListingStatus.Active && l.ExpiresAt <= now,
            async (listing, now) =>
            {
                listing.Status = ListingStatus.Expired;
                listing.UpdatedAt = now;
                await index.StageAsync(listing, highlighted: false, cancellationToken);
                notifier.Add(new NotificationRequest(listing.OwnerId, NotificationType.ListingExpired, $"/listings/{listing.Id}", Excerpt: listing.Title));
            }, cancellationToken);

    /// <summary>The listings <paramref name="due"/> picks at the time of each batch, soonest to expire first, handled and saved a batch at a time.</summary>
    private async Task InBatchesAsync(Func<DateTime, Expression<Func<Listing, bool>>> due, Func<Listing, DateTime, Task> handle,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.UtcNow();
            var batch = await db.Set<Listing>().Where(due(now)).OrderBy(l => l.ExpiresAt).Take(Batch).ToListAsync(cancellationToken);
            foreach (var listing in batch)
            {
                await handle(listing, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (batch.Count < Batch)
            {
                return;
            }
        }
    }

    /// <summary>MKT-05: entries of owners whose subscription started or ended since the last round get the new mark.</summary>
    private async Task RefreshHighlightsAsync(CancellationToken cancellationToken)
    {
        var owners = await db.Set<ListingSearchEntry>().Select(e => e.OwnerId).Distinct().ToListAsync(cancellationToken);
        foreach (var chunk in owners.Chunk(500))
        {
            var subscribers = (await entitlements.WithActiveAsync(ServiceCatalog.Marketplace, chunk, cancellationToken)).ToArray();
            var others = chunk.Except(subscribers).ToArray();
            await db.Set<ListingSearchEntry>().Where(e => subscribers.Contains(e.OwnerId) && !e.Highlighted)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Highlighted, true), cancellationToken);
            await db.Set<ListingSearchEntry>().Where(e => others.Contains(e.OwnerId) && e.Highlighted)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Highlighted, false), cancellationToken);
        }
    }
}

/// <summary>MKT-01, RUN-03: every <see cref="MarketplaceOptions.ExpiryInterval"/> one node of the cluster, holding the lease, runs <see cref="ListingExpiry"/>.</summary>
public sealed class ListingExpiryWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<MarketplaceOptions> options, ILogger<ListingExpiryWorker> logger)
    : PeriodicJobWorker<ListingExpiry>(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override (string Name, TimeSpan Duration)? Lease => (ListingExpiry.JobName, TimeSpan.FromMinutes(10));

    protected override Task RunAsync(ListingExpiry job, CancellationToken cancellationToken) => job.RunAsync(cancellationToken);
}

using Tradehall.Core.Notifications;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-04: matches listings indexed since the last look against every saved search with alerts, and tells each owner
/// once per saved search with new matches (one notification naming the newest, which the centre mails as preferred).
/// Owners whose marketplace subscription ended are skipped and their marks moved on, so an old backlog never arrives later.
/// </summary>
public sealed class SavedSearchAlerts(
    AppDbContext db, ListingSearch search, SearchCriteriaRules rules, SavedSearches saved, Notifier notifier, TimeProvider time,
    IOptions<MarketplaceOptions> options)
{
    public const string JobName = "marketplace-saved-search-alerts";
    private const int Batch = 200;

    /// <summary>One round; answers how many notifications were written.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var top = await db.Set<ListingSearchEntry>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var sent = 0;
        var after = Guid.Empty;
        while (true)
        {
            var due = await db.Set<SavedSearch>().Where(s => s.Alerts && s.SeenUpTo < top && s.Id.CompareTo(after) > 0)
                .OrderBy(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }
            foreach (var s in due)
            {
                if (await AlertAsync(s, top, cancellationToken))
                {
                    sent++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            after = due[^1].Id;
        }
    }

    private async Task<bool> AlertAsync(SavedSearch s, long top, CancellationToken cancellationToken)
    {
        var from = s.SeenUpTo;
        s.SeenUpTo = top;
        if (!await saved.MayUseAsync(s.MemberId, cancellationToken))
        {
            return false;
        }
        var errors = new FieldErrors();
        var criteria = await rules.ResolveAsync(s.Criteria(), errors, cancellationToken);
        if (errors.Any)
        {
            // A category removed since saving: the search can no longer be run as saved.
            return false;
        }
        var (_, newest) = await search.NewMatchesAsync(criteria with { Since = null }, from, options.Value.SavedSearchAlertListings, cancellationToken);
        var matches = newest.Where(i => i.Owner?.Id != s.MemberId).ToList();
        if (matches.Count == 0)
        {
            return false;
        }
        // The headline names the saved search; the excerpt the newest titles (the notifier cuts it to length).
        notifier.Add(new NotificationRequest(s.MemberId, NotificationType.SavedSearch, SearchLinks.Page(s.Criteria()), ActorName: s.Name,
            Excerpt: string.Join("; ", matches.Select(m => m.Title)), Group: "saved-search:" + s.Id.ToString("N")));
        s.LastAlertAt = time.UtcNow();
        return true;
    }
}

/// <summary>MKT-04, RUN-03: every <see cref="MarketplaceOptions.SavedSearchAlertInterval"/> one node, holding the lease, sends alerts.</summary>
public sealed class SavedSearchAlertWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<MarketplaceOptions> options, ILogger<SavedSearchAlertWorker> logger)
    : PeriodicJobWorker<SavedSearchAlerts>(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.SavedSearchAlertInterval;

    protected override (string Name, TimeSpan Duration)? Lease => (SavedSearchAlerts.JobName, TimeSpan.FromMinutes(5));

    protected override Task RunAsync(SavedSearchAlerts job, CancellationToken cancellationToken) => job.RunAsync(cancellationToken);
}

using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Network;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Marketplace.Listings;

public sealed record ListingComplaintRequest(string? Reason);

public sealed record ListingComplaintCreated(Guid Id);

/// <summary>One complaint as the moderation queue shows it, with the listing's state now.</summary>
public sealed record ListingComplaintItem(Guid Id, DateTime CreatedAt, Guid ListingId, string ListingTitle, ListingStatus ListingStatus,
    MemberCard? Reporter, MemberCard? Owner, string Reason);

/// <summary>
/// MKT-06, OPS-02: members report listings; staff review the reports and take a listing down, which removes it from
/// search and tells its owner.
/// </summary>
public sealed class ListingModeration(AppDbContext db, INetwork network, SearchIndex index, Notifier notifier, IOptions<MarketplaceOptions> options,
    TimeProvider time)
{
    /// <summary>A visible listing of someone else, once per reporter (a second report answers the first).</summary>
    public async Task<ListingComplaintCreated> ReportAsync(Guid memberId, Guid listingId, ListingComplaintRequest request, CancellationToken cancellationToken)
    {
        var listing = await db.Set<Listing>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId && l.Status == ListingStatus.Active, cancellationToken)
            ?? throw ListingEditor.NotFound();
        if (listing.OwnerId == memberId)
        {
            throw DomainException.Field("marketplace.own_listing", "id", "You cannot report your own listing.");
        }
        var reason = WrittenReason.Check(request.Reason, options.Value.ComplaintReasonMaxLength, ("marketplace.reason_required", "Say what is wrong with the listing."),
            ("marketplace.reason_too_long", "The reason is too long."));
        var complaint = await db.AddOnceAsync(c => c.ListingId == listingId && c.ReporterId == memberId, () => new ListingComplaint
        {
            ListingId = listingId,
            ReporterId = memberId,
            OwnerId = listing.OwnerId,
            Reason = reason,
            ListingTitle = listing.Title,
            CreatedAt = time.UtcNow(),
        }, cancellationToken);
        return new ListingComplaintCreated(complaint.Id);
    }

    /// <summary>OPS-02: the newest complaints about listings, for the operator console.</summary>
    public async Task<IReadOnlyList<ListingComplaintItem>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ListingComplaint>().AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(take).ToListAsync(cancellationToken);
        var listingIds = rows.Select(r => r.ListingId).Distinct().ToArray();
        var statuses = await db.Set<Listing>().AsNoTracking().Where(l => listingIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Status, cancellationToken);
        var cards = await network.CardsAsync(rows.SelectMany(r => new[] { r.ReporterId, r.OwnerId }).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new ListingComplaintItem(r.Id, r.CreatedAt, r.ListingId, r.ListingTitle,
                statuses.GetValueOrDefault(r.ListingId, ListingStatus.Withdrawn), cards.GetValueOrDefault(r.ReporterId), cards.GetValueOrDefault(r.OwnerId),
                r.Reason))
            .ToList();
    }

    /// <summary>MKT-06: staff take a listing down; it leaves the search and its owner is told. Blocking twice changes nothing.</summary>
    public async Task BlockAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var listing = await db.Set<Listing>().FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken) ?? throw ListingEditor.NotFound();
        if (listing.Status == ListingStatus.Blocked)
        {
            return;
        }
        listing.Status = ListingStatus.Blocked;
        listing.UpdatedAt = time.UtcNow();
        await index.StageAsync(listing, highlighted: false, cancellationToken);
        notifier.Add(new NotificationRequest(listing.OwnerId, NotificationType.ListingBlocked, $"/listings/{listing.Id}", Excerpt: listing.Title));
        await db.SaveChangesAsync(cancellationToken);
    }
}

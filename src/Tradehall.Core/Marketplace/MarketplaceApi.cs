using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace;

/// <summary>How other modules see a listing: enough to name it beside a chat or a notification.</summary>
public sealed record ListingCard(Guid Id, ListingType Type, string Title, Guid OwnerId, Guid? OrganizationId, bool Active);

/// <summary>A member's first steps in the marketplace, for the home page's checklist.</summary>
public sealed record MarketplaceProgress(bool PostedListing, bool SavedSearch);

/// <summary>The marketplace's public surface for other modules (chats, notifications, operator).</summary>
public interface IMarketplace
{
    /// <summary>Cards of the given listings that exist, keyed by id, whatever their status.</summary>
    Task<IReadOnlyDictionary<Guid, ListingCard>> CardsAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken);

    /// <summary>Whether the member has ever posted a listing (whatever became of it) and keeps a saved search.</summary>
    Task<MarketplaceProgress> ProgressOfAsync(Guid memberId, CancellationToken cancellationToken);
}

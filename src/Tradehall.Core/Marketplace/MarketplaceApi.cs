using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace;

/// <summary>How other modules see a listing: enough to name it beside a chat or a notification.</summary>
public sealed record ListingCard(Guid Id, ListingType Type, string Title, Guid OwnerId, Guid? OrganizationId, bool Active);

/// <summary>The marketplace's public surface for other modules (chats, notifications, operator).</summary>
/// <summary>NET-05: one listing in an organization's storefront.</summary>
public sealed record StorefrontListing(Guid Id, ListingType Type, string Title, decimal Price, string Currency, string Unit, DateTime PostedAt);

/// <summary>An organization's active listings, newest first, and how many it has in all.</summary>
public sealed record Storefront(int Total, IReadOnlyList<StorefrontListing> Items);

public interface IMarketplace
{
    /// <summary>NET-05: the organization's active listings for its page, at most <paramref name="take"/> of them.</summary>
    Task<Storefront> StorefrontAsync(Guid organizationId, int take, CancellationToken cancellationToken);

    /// <summary>Cards of the given listings that exist, keyed by id, whatever their status.</summary>
    Task<IReadOnlyDictionary<Guid, ListingCard>> CardsAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken);
}

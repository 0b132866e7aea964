using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace;

/// <summary>How other modules see a listing: enough to name it beside a chat or a notification.</summary>
public sealed record ListingCard(Guid Id, ListingType Type, string Title, Guid OwnerId, Guid? OrganizationId, bool Active);

/// <summary>The marketplace's public surface for other modules (chats, notifications, operator).</summary>
public interface IMarketplace
{
    /// <summary>Cards of the given listings that exist, keyed by id, whatever their status.</summary>
    Task<IReadOnlyDictionary<Guid, ListingCard>> CardsAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken);
}

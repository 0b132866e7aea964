using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Network;
using Tradehall.Core.Network.Onboarding;
using Tradehall.Core.Messaging;

namespace Tradehall.Core.Marketplace.Listings;

/// <summary>The marketplace as other modules see it: listing cards (<see cref="IMarketplace"/>) and which listings take inquiries.</summary>
internal sealed class MarketplaceDirectory(AppDbContext db) : IMarketplace, IListingInquiries
{
    public Task<bool> IsOpenToInquiriesAsync(Guid listingId, Guid addresseeId, CancellationToken cancellationToken) =>
        db.Set<Listing>().AnyAsync(l => l.Id == listingId && l.OwnerId == addresseeId && l.Status == ListingStatus.Active, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, ListingCard>> CardsAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        var ids = listingIds.ToArray();
        return await db.Set<Listing>().AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new ListingCard(l.Id, l.Type, l.Title, l.OwnerId, l.OrganizationId, l.Status == ListingStatus.Active))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public async Task<Storefront> StorefrontAsync(Guid organizationId, int take, CancellationToken cancellationToken)
    {
        var active = db.Set<Listing>().AsNoTracking().Where(l => l.OrganizationId == organizationId && l.Status == ListingStatus.Active);
        var total = await active.CountAsync(cancellationToken);
        var rows = await active.OrderByDescending(l => l.PostedAt).ThenByDescending(l => l.Id).Take(take)
            .Select(l => new { l.Id, l.Type, l.Title, l.Price, l.Currency, l.Unit, l.PostedAt }).ToListAsync(cancellationToken);
        return new Storefront(total, [.. rows.Select(l => new StorefrontListing(l.Id, l.Type, l.Title, Money.ToAmount(l.Price), l.Currency, l.Unit, l.PostedAt))]);
    }

}

/// <summary>The member's first steps in the marketplace on the home page: a listing ever posted, a saved search kept.</summary>
internal sealed class MarketplaceHome(AppDbContext db) : IHomeContribution
{
    public async Task AddToAsync(HomeProgress progress, CancellationToken cancellationToken)
    {
        progress.Step(FirstStep.Listing, await db.Set<Listing>().AnyAsync(l => l.OwnerId == progress.MemberId, cancellationToken));
        progress.Step(FirstStep.SavedSearch, await db.Set<SavedSearch>().AnyAsync(s => s.MemberId == progress.MemberId, cancellationToken));
    }
}

/// <summary>ANL-04: a chat started about a listing is one inquiry, counted by a single increment.</summary>
internal sealed class InquiryCounter(AppDbContext db) : IDomainEventSubscriber<InquiryStarted>
{
    public Task HandleAsync(InquiryStarted domainEvent, CancellationToken cancellationToken) =>
        db.Set<Listing>().Where(l => l.Id == domainEvent.ListingId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Inquiries, l => l.Inquiries + 1), cancellationToken);
}

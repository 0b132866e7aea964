using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;

namespace Tradehall.Core.Marketplace.Quotes;

public enum DealRole
{
    Seller = 0,
    Buyer = 1,
}

/// <summary>
/// A deal as one of its sides sees it: their role, the other side, the listing (its title while it exists) and the terms.
/// <see cref="Total"/> is price times quantity in the deal's currency.
/// </summary>
public sealed record DealView(Guid Id, DateTime CreatedAt, DealRole Role, MemberCard Counterpart, Guid? ListingId, string? ListingTitle,
    decimal Price, string Currency, string Unit, decimal Quantity, decimal Total, string Incoterms, string DeliveryPlace, Guid ChatId, Guid QuoteId);

/// <summary>MKT-08: the member's deals, newest first, whichever side they were on.</summary>
public sealed class Deals(AppDbContext db, INetwork network)
{
    public async Task<IReadOnlyList<DealView>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var deals = await db.Set<Deal>().AsNoTracking().Where(d => d.SellerId == memberId || d.BuyerId == memberId)
            .OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var others = deals.Select(d => d.SellerId == memberId ? d.BuyerId : d.SellerId).Distinct().ToList();
        var cards = await network.CardsAsync(others, cancellationToken);
        var listingIds = deals.Where(d => d.ListingId is not null).Select(d => d.ListingId!.Value).Distinct().ToList();
        var titles = await db.Set<Listing>().AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, l.Title })
            .ToDictionaryAsync(l => l.Id, l => l.Title, cancellationToken);
        return deals.Select(d =>
        {
            var seller = d.SellerId == memberId;
            var other = seller ? d.BuyerId : d.SellerId;
            return new DealView(d.Id, d.CreatedAt, seller ? DealRole.Seller : DealRole.Buyer, cards.GetValueOrDefault(other) ?? new MemberCard(other, "", ""),
                d.ListingId, d.ListingId is { } id ? titles.GetValueOrDefault(id) : null, Shared.Money.ToAmount(d.Price), d.Currency, d.Unit, d.Quantity,
                Quotes.Total(d.Price, d.Quantity), d.Incoterms, d.DeliveryPlace, d.ChatId, d.QuoteId);
        }).ToList();
    }
}

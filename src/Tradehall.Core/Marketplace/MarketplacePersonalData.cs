using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Quotes;

namespace Tradehall.Core.Marketplace;

/// <summary>
/// PRV-03: the marketplace's part of a member's export — the listings they posted with their photos, the quotes they
/// offered, the deals they are a side of, and the complaints they filed about listings.
/// </summary>
internal sealed class MarketplacePersonalData(AppDbContext db, IFileStore files) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var listings = await db.Set<Listing>().AsNoTracking().Where(l => l.OwnerId == memberId).OrderBy(l => l.PostedAt).ToListAsync(cancellationToken);
        var ids = listings.Select(l => l.Id).ToList();
        var photos = (await db.Set<ListingPhoto>().AsNoTracking().Where(p => ids.Contains(p.ListingId)).ToListAsync(cancellationToken))
            .OrderBy(p => p.ListingId).ThenBy(p => p.Position).ToList();
        var byListing = photos.ToLookup(p => p.ListingId);
        var quotes = await db.Set<Quote>().AsNoTracking().Where(q => q.FromId == memberId).OrderBy(q => q.CreatedAt).ToListAsync(cancellationToken);
        var deals = await db.Set<Deal>().AsNoTracking().Where(d => d.SellerId == memberId || d.BuyerId == memberId).OrderBy(d => d.CreatedAt)
            .ToListAsync(cancellationToken);
        var complaints = await db.Set<ListingComplaint>().AsNoTracking().Where(c => c.ReporterId == memberId).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ListingId, c.ListingTitle, c.Reason, c.CreatedAt }).ToListAsync(cancellationToken);
        return new PersonalDataSection("marketplace", new Dictionary<string, object?>
        {
            ["listings"] = listings.Select(l => new
            {
                l.Id, l.Type, l.Status, l.OrganizationId, l.Title, l.Description, l.CategoryId, Price = Money.ToAmount(l.Price), l.Currency,
                l.Unit, l.Quantity, l.Country, l.Region, l.PostedAt, l.UpdatedAt, l.ExpiresAt, l.Views, l.Inquiries,
                Photos = byListing[l.Id].Select(PhotoPath).ToList(),
            }).ToList(),
            ["quotesOffered"] = quotes.Select(q => new
            {
                q.Id, q.ChatId, q.ListingId, Price = Money.ToAmount(q.Price), q.Currency, q.Unit, q.Quantity, q.Incoterms, q.DeliveryPlace,
                q.ValidUntil, q.Comment, q.Status, q.CreatedAt, q.AnsweredAt,
            }).ToList(),
            ["deals"] = deals.Select(d => new
            {
                d.Id, d.QuoteId, d.ChatId, d.ListingId, Side = d.SellerId == memberId ? "seller" : "buyer", Price = Money.ToAmount(d.Price),
                d.Currency, d.Unit, d.Quantity, d.Incoterms, d.DeliveryPlace, d.CreatedAt,
            }).ToList(),
            ["complaintsFiled"] = complaints,
        }, [.. photos.Select(p => PersonalDataFile.Stored(PhotoPath(p), files, p.StorageKey))]);
    }

    private static string PhotoPath(ListingPhoto photo) => $"listings/{photo.ListingId:N}/{photo.Position + 1}-{photo.Id:N}.jpg";
}

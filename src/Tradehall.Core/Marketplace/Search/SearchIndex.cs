using Markdig;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: keeps the search index in step with listings. Every change of a listing calls <see cref="StageAsync"/> in
/// the same unit of work, so the listing and its entry commit together (the full-text tables follow by trigger on
/// SQLite and by index on PostgreSQL).
/// </summary>
public sealed class SearchIndex(AppDbContext db, ExchangeRates rates, TimeProvider time)
{
    /// <summary>
    /// Adds, refreshes or removes the entry of <paramref name="listing"/>: active listings are searchable, others not.
    /// A currency without a rate gets no base price, so it drops out of price ranges across currencies (ANL-03).
    /// </summary>
    public async Task StageAsync(Listing listing, bool highlighted, CancellationToken cancellationToken)
    {
        var entry = await db.Set<ListingSearchEntry>().FirstOrDefaultAsync(e => e.ListingId == listing.Id, cancellationToken);
        if (listing.Status != ListingStatus.Active)
        {
            if (entry is not null)
            {
                db.Remove(entry);
            }
            return;
        }
        var table = await rates.OnAsync(DateOnly.FromDateTime(time.UtcNow()), cancellationToken);
        entry ??= db.Set<ListingSearchEntry>().Add(new ListingSearchEntry
        {
            ListingId = listing.Id, Country = listing.Country, Currency = listing.Currency, Title = listing.Title, Description = "",
        }).Entity;
        Fill(entry, listing, highlighted, table);
        entry.PhotoId = await FirstPhoto(listing.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>After a photo is added or removed: the entry shows the listing's first photo.</summary>
    public Task PhotosChangedAsync(Guid listingId, CancellationToken cancellationToken) =>
        db.Set<ListingSearchEntry>().Where(e => e.ListingId == listingId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PhotoId, e => FirstPhoto(listingId).FirstOrDefault()), cancellationToken);

    private IQueryable<Guid?> FirstPhoto(Guid listingId) =>
        db.Set<ListingPhoto>().Where(p => p.ListingId == listingId).OrderBy(p => p.Position).Select(p => (Guid?)p.Id);

    /// <summary>The entry of a listing as it should be now; also what bulk loaders insert directly.</summary>
    public static void Fill(ListingSearchEntry entry, Listing listing, bool highlighted, RateTable rates)
    {
        entry.ListingId = listing.Id;
        entry.OwnerId = listing.OwnerId;
        entry.Type = listing.Type;
        entry.CategoryId = listing.CategoryId;
        entry.Country = listing.Country;
        entry.Currency = listing.Currency;
        entry.Price = listing.Price;
        entry.PriceBase = rates.ToBase(listing.Price, listing.Currency);
        entry.PostedAt = listing.PostedAt;
        entry.Highlighted = highlighted;
        entry.Title = listing.Title;
        entry.Unit = listing.Unit;
        entry.OrganizationId = listing.OrganizationId;
        entry.Description = PlainText(listing.Description);
    }

    /// <summary>The words of a Markdown description without its marks, so "**spruce**" is found by "spruce".</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Drops every entry of a member's listings at once, e.g. when the account is blocked (MKT-02).</summary>
    public Task<int> RemoveOwnerAsync(Guid ownerId, CancellationToken cancellationToken) =>
        db.Set<ListingSearchEntry>().Where(e => e.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);
}

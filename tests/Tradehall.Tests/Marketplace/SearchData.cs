using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Tests.Marketplace;

/// <summary>A listing of the fixed search dataset, written with its index entry the way the listing handlers stage it.</summary>
public sealed record SeedListing(
    string Title, string Body, ListingType Type, int Category, string Country, string Currency, long Price, int DaysAgo, bool Highlighted = false);

public static class SearchData
{
    /// <summary>Rates of the dataset: one euro is 100 roubles; BYN has no rate, so it has no base price.</summary>
    public static readonly RateTable Rates = new("RUB", new Dictionary<string, decimal> { ["RUB"] = 1m, ["EUR"] = 100m });

    /// <summary>Adds the listing; its index entry takes <paramref name="entryId"/> when given, as entries indexed long apart do.</summary>
    public static async Task<Guid> AddAsync(TradehallApp app, Guid ownerId, SeedListing seed, long entryId = 0)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await AddAsync(app, ownerId, seed, scope.ServiceProvider.GetRequiredService<AppDbContext>(), entryId);
    }

    /// <summary>Adds the listing through <paramref name="db"/>, within whatever transaction it has open.</summary>
    public static async Task<Guid> AddAsync(TradehallApp app, Guid ownerId, SeedListing seed, AppDbContext db, long entryId = 0)
    {
        var posted = app.Clock.GetUtcNow().UtcDateTime.AddDays(-seed.DaysAgo);
        var listing = new Listing
        {
            Type = seed.Type, Status = ListingStatus.Active, OwnerId = ownerId, Title = seed.Title, Description = seed.Body, CategoryId = seed.Category,
            Price = seed.Price, Currency = seed.Currency, Unit = "m3", Quantity = 10, Country = seed.Country, Region = "", PostedAt = posted,
            UpdatedAt = posted, ExpiresAt = posted.AddDays(60),
        };
        var entry = new ListingSearchEntry { Id = entryId, Country = seed.Country, Currency = seed.Currency, Title = seed.Title, Description = "" };
        SearchIndex.Fill(entry, listing, seed.Highlighted, Rates);
        db.Add(listing);
        db.Add(entry);
        await db.SaveChangesAsync();
        return listing.Id;
    }
}

using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace;

/// <summary>
/// One listing's price as the market saw it when it was posted; <see cref="Price"/> is in minor units of <see cref="Currency"/>
/// per <see cref="Unit"/> (a code of <see cref="MarketplaceOptions.Units"/>).
/// </summary>
[ModuleApi]
public sealed record PricePoint(ListingType Type, DateTime PostedAt, long Price, string Currency, string Unit, string Country, string Region, int CategoryId);

/// <summary>ANL-01, ANL-02: what analytics reads of the marketplace — prices, rates and the taxonomy, never its tables.</summary>
[ModuleApi]
public interface IMarketPrices
{
    /// <summary>
    /// Prices of the listings in <paramref name="categoryIds"/> posted in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>),
    /// whether active, expired or withdrawn now: those still tell what the market asked. Listings blocked by moderation
    /// are left out, as their content was found untrue or abusive.
    /// </summary>
    Task<IReadOnlyList<PricePoint>> PointsAsync(IReadOnlyCollection<int> categoryIds, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>The operator's rates valid up to <paramref name="until"/> (ANL-03).</summary>
    Task<RateHistory> RatesAsync(DateOnly until, CancellationToken cancellationToken);

    /// <summary>The taxonomy in the reader's language.</summary>
    Task<IReadOnlyList<CategoryNode>> CategoriesAsync(CancellationToken cancellationToken);
}

internal sealed class MarketPrices(AppDbContext db, ExchangeRates rates, CategoryTree categories) : IMarketPrices
{
    public async Task<IReadOnlyList<PricePoint>> PointsAsync(IReadOnlyCollection<int> categoryIds, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var ids = categoryIds.ToArray();
        return await db.Set<Listing>().AsNoTracking()
            .Where(l => ids.Contains(l.CategoryId) && l.PostedAt >= fromUtc && l.PostedAt < toUtc && l.Status != ListingStatus.Blocked)
            .Select(l => new PricePoint(l.Type, l.PostedAt, l.Price, l.Currency, l.Unit, l.Country, l.Region, l.CategoryId))
            .ToListAsync(cancellationToken);
    }

    public Task<RateHistory> RatesAsync(DateOnly until, CancellationToken cancellationToken) => rates.HistoryAsync(until, cancellationToken);

    public Task<IReadOnlyList<CategoryNode>> CategoriesAsync(CancellationToken cancellationToken) => categories.TreeAsync(cancellationToken);
}

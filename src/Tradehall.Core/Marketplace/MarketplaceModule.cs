using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Quotes;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Core.Marketplace;

public static class MarketplaceModule
{
    public static void AddMarketplace(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<MarketplaceOptions>(MarketplaceOptions.SectionName);
        services.AddSingleton<CategoryShape>();
        services.AddScoped<CategoryTree>();
        services.AddScoped<TaxonomyEditor>();
        services.AddScoped<SynonymEditor>();
        services.AddScoped<ExchangeRates>();
        services.AddScoped<Billing.ICurrencyRates>(sp => sp.GetRequiredService<ExchangeRates>());
        services.AddScoped<SearchIndex>();
        services.AddScoped<IPersonalDataSource, MarketplacePersonalData>();
        QuoteEndpoints.AddQuotes(services);
        services.AddListings();
        services.AddScoped<Moderation.IComplaintRecords, ListingComplaintRecords>();
        MarketData.AddMarketData(services);
        SearchEndpoints.AddSearch(services);
    }

    public static void MapMarketplace(this IEndpointRouteBuilder app)
    {
        // MKT-01: the taxonomy is public, like the listings it sorts.
        app.MapGet("/api/v1/categories", (CategoryTree tree, CancellationToken ct) => tree.TreeAsync(ct)).WithTags("Marketplace").Public();
        QuoteEndpoints.MapQuotes(app);
        app.MapListings();
        MarketData.MapMarketData(app);
        SearchEndpoints.MapSearch(app);
    }

    public static async Task EnsureSeededAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<CategoryTree>().EnsureSeededAsync(cancellationToken);
        await services.GetRequiredService<ExchangeRateAdmin>().EnsureStartingRatesAsync(cancellationToken);
    }
}

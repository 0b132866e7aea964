using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Tests.Marketplace;

/// <summary>Totals and facets exact up to 100 matches only, so a modest market shows estimates.</summary>
public sealed class EstimatedFacetsApp : TradehallApp
{
    public EstimatedFacetsApp() => Settings["Marketplace:SearchExactUpTo"] = "100";
}

/// <summary>MKT-02: past the exact limit the filter column marks its counts as estimates, and says why.</summary>
public sealed class SearchEstimatePageTests(EstimatedFacetsApp app) : IClassFixture<EstimatedFacetsApp>
{
    [Fact]
    public async Task MKT02_facet_counts_past_the_exact_limit_show_as_estimates()
    {
        var owner = await Members.RegisterAsync(app);
        for (var i = 0; i < 130; i++)
        {
            await SearchData.AddAsync(app, owner.Id, new SeedListing($"Cedar shingles lot {i}", "Western red cedar.",
                i % 3 == 0 ? ListingType.Request : ListingType.Offer, 12, i % 4 == 0 ? "FI" : "RU", "RUB", 100_000 + i, i % 20));
        }

        using var visitor = new Browser(app);
        var (_, page) = await visitor.GetAsync("/listings?q=cedar");
        Assert.StartsWith("Found: ", page.QuerySelector("#results-title")!.TextContent.Trim(), StringComparison.Ordinal);
        var note = page.QuerySelector(".search-form .facet-note")!;
        Assert.Contains("Counts marked ≈ are estimates", note.TextContent, StringComparison.Ordinal);
        var counts = page.QuerySelectorAll(".search-form .facet-count").ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c =>
        {
            Assert.StartsWith("≈ ", c.QuerySelector("[aria-hidden=true]")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("about ", c.QuerySelector(".visually-hidden")!.TextContent, StringComparison.Ordinal);
        });

        // Within the limit the counts are plain numbers again.
        (_, page) = await visitor.GetAsync("/listings?q=cedar&country=FI");
        Assert.Null(page.QuerySelector(".facet-note"));
        Assert.Equal("33", page.QuerySelector("#Country [aria-current=true] .facet-count")!.TextContent.Trim());
    }
}

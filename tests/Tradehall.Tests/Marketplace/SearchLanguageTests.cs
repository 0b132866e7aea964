using Tradehall.Core.Shared;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Demo;

namespace Tradehall.Tests.Marketplace;

/// <summary>A fresh demo market of a few thousand listings, loaded once per class on the run's engine.</summary>
public sealed class DemoMarketFixture : TradehallApp
{
    private readonly Lazy<Task> seeded;

    public DemoMarketFixture() => seeded = new(async () =>
    {
        await using var scope = Services.CreateAsyncScope();
        await DemoMarketSeed.RunAsync(scope.ServiceProvider, 3_000, 7, progress: null, CancellationToken.None);
    });

    public Task SeededAsync() => seeded.Value;
}

/// <summary>MKT-02: the words a trader types find what the trader means, in either language, on either engine.</summary>
public sealed class SearchLanguageTests(DemoMarketFixture app) : IClassFixture<DemoMarketFixture>
{
    private async Task<SearchResult> SearchAsync(string? words, int? category = null, string? sort = null)
    {
        await app.SeededAsync();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListingSearch>()
            .SearchAsync(new SearchCriteria(words, Category: category, Sort: sort), PageRequest.Of(1, 100), CancellationToken.None);
    }

    private async Task<HashSet<Guid>> AllAsync(string words)
    {
        await app.SeededAsync();
        var ids = new HashSet<Guid>();
        for (var page = 1; ; page++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ListingSearch>().SearchAsync(new SearchCriteria(words), PageRequest.Of(page, 100), CancellationToken.None);
            ids.UnionWith(result.Items.Select(i => i.Id));
            if (result.Items.Count < 100)
            {
                return ids;
            }
        }
    }

    private async Task<List<ListingSearchEntry>> EntriesAsync()
    {
        await app.SeededAsync();
        List<ListingSearchEntry> entries = [];
        await app.WithDb(async db => entries = await db.Set<ListingSearchEntry>().AsNoTracking().ToListAsync());
        return entries;
    }

    [Fact]
    public async Task MKT02_boards_board_and_доски_find_the_boards_in_either_language()
    {
        var boards = await AllAsync("boards");
        var entries = await EntriesAsync();
        // Every listing of the Boards category, titled in Russian or English, and the boards listed elsewhere.
        var inBoards = entries.Where(e => e.CategoryId == 12).Select(e => e.ListingId).ToList();
        Assert.NotEmpty(inBoards);
        Assert.All(inBoards, id => Assert.Contains(id, boards));
        Assert.Contains(entries, e => boards.Contains(e.ListingId) && e.Title.StartsWith("Доска", StringComparison.Ordinal) && e.CategoryId != 12);
        Assert.Equal(boards, await AllAsync("board"));
        Assert.Equal(boards, await AllAsync("доски"));
        Assert.Equal(boards, await AllAsync("досок"));
    }

    [Fact]
    public async Task MKT02_pine_and_pines_find_the_сосна_listings()
    {
        var pine = await AllAsync("pine");
        var entries = await EntriesAsync();
        var сосна = entries.Where(e => SearchText.Words(e.Title).Any(w => w is "сосна" or "сосны" or "сосновая" or "сосновый")).Select(e => e.ListingId).ToList();
        Assert.NotEmpty(сосна);
        Assert.All(сосна, id => Assert.Contains(id, pine));
        Assert.Equal(pine, await AllAsync("pines"));
        Assert.Equal(pine, await AllAsync("сосна"));
    }

    [Fact]
    public async Task MKT01_MKT02_a_metals_listing_has_its_own_category_and_is_found_by_its_trade_name()
    {
        var rebar = await SearchAsync("арматура");
        Assert.NotEmpty(rebar.Items);
        await using var scope = app.Services.CreateAsyncScope();
        var metals = await scope.ServiceProvider.GetRequiredService<CategoryTree>().SubtreeAsync(100, CancellationToken.None);
        Assert.All(rebar.Items, i => Assert.Contains(i.CategoryId, metals));
        Assert.Equal((await SearchAsync("rebar")).Total, rebar.Total);
        Assert.True((await SearchAsync(null, category: 100)).Total >= rebar.Total);
    }

    [Fact]
    public async Task MKT02_a_misspelt_word_gets_a_suggestion_from_the_market_vocabulary()
    {
        var result = await SearchAsync("pelets");
        Assert.Equal(0, result.Total);
        Assert.Equal("pellets", result.Suggestion);
        Assert.NotEqual(0, (await SearchAsync(result.Suggestion)).Total);
    }

    [Fact]
    public async Task MKT02_the_price_sort_puts_the_cheapest_match_first_however_many_match()
    {
        var entries = await EntriesAsync();
        var result = await SearchAsync(null, category: 10, sort: "price");
        var subtree = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CategoryTree>().SubtreeAsync(10, CancellationToken.None);
        var cheapest = entries.Where(e => subtree.Contains(e.CategoryId) && e.PriceBase is not null).MinBy(e => (e.PriceBase, e.Id))!;
        Assert.Equal(cheapest.ListingId, result.Items[0].Id);
        Assert.Equal(entries.Count(e => subtree.Contains(e.CategoryId)), result.Total);
    }
}

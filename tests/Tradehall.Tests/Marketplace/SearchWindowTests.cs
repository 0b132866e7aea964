using System.Net;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Tests.Infrastructure;

namespace Tradehall.Tests.Marketplace;

/// <summary>
/// A market whose matching entries were indexed far apart — hundreds of thousands of entries between some — searched with
/// the smallest window of most recent matches, 100; the newest few rank by relevance and carry diacritics.
/// </summary>
public sealed class SearchWindowFixture : TradehallApp
{
    public const int Window = 100;

    /// <summary>The entries indexed last, one after another: 99 larch listings in Russia.</summary>
    public static readonly long[] Recent = [.. Enumerable.Range(0, Window - 1).Select(i => 300_000L + i).Reverse()];

    private readonly Lazy<Task<Dictionary<long, Guid>>> ids;

    public SearchWindowFixture()
    {
        Settings["RateLimits:AnonymousSearchPerMinute"] = "100000";
        Settings["Marketplace:SearchWindow"] = Window.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids = new(SeedAsync);
    }

    /// <summary>Entry id → country; the larger the id, the more recently the listing was indexed and posted.</summary>
    private static IEnumerable<(long Entry, string Country)> Larch =>
        new (long, string)[] { (1, "RU"), (2, "DE"), (5_000, "FI"), (70_000, "RU"), (150_000, "FI") }.Concat(Recent.Select(e => (e, "RU")));

    /// <summary>The newest entries: none is larch; they rank by the terms their titles hold, and carry diacritics.</summary>
    private static readonly (long Entry, string Title, string Body)[] Newest =
    [
        (301_000, "Pine sleepers", "Untreated."),
        (301_001, "Railway sleepers, OAK", "Creosoted; the pine ones are sold."),
        (301_002, "Oak beams", "Railway sleepers on request."),
        (301_003, "Crème façade panels", "Über 500 Stück, Güteklasse A."),
    ];

    public Task<Dictionary<long, Guid>> IdsAsync() => ids.Value;

    private async Task<Dictionary<long, Guid>> SeedAsync()
    {
        var owner = await Members.RegisterAsync(this);
        var made = new Dictionary<long, Guid>();
        foreach (var (entry, country) in Larch)
        {
            var seed = new SeedListing("Larch sleepers", "Impregnated, 2.75 m.", ListingType.Offer, 12, country, "EUR", 4_000,
                DaysAgo: 30 - (int)(entry / 10_000));
            made[entry] = await SearchData.AddAsync(this, owner.Id, seed, entry);
        }
        foreach (var (entry, title, body) in Newest)
        {
            made[entry] = await SearchData.AddAsync(this, owner.Id, new SeedListing(title, body, ListingType.Offer, 12, "RU", "EUR", 3_000, 0), entry);
        }
        return made;
    }
}

public sealed class SearchWindowTests(SearchWindowFixture app) : IClassFixture<SearchWindowFixture>
{
    private async Task<(long Total, bool Exact, List<long> Entries)> SearchAsync(string query)
    {
        var ids = (await app.IdsAsync()).ToDictionary(kv => kv.Value, kv => kv.Key);
        using var client = app.Api();
        var response = await client.GetAsync("/api/v1/listings/search?" + (query.Contains("pageSize=") ? query : query + "&pageSize=100"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, query + ": " + await response.Content.ReadAsStringAsync());
        var result = await response.JsonAsync();
        var entries = result.GetProperty("items").EnumerateArray().Select(i => ids[i.GetProperty("id").GetGuid()]).ToList();
        return (result.GetProperty("total").GetInt64(), result.GetProperty("totalExact").GetBoolean(), entries);
    }

    [Fact]
    public async Task MKT02_words_are_answered_from_the_most_recent_matches_however_far_apart_they_were_indexed()
    {
        var all = await SearchAsync("q=larch&sort=newest");
        Assert.Equal((100L, false), (all.Total, all.Exact));
        Assert.Equal([.. SearchWindowFixture.Recent, 150_000L], all.Entries);

        var russian = await SearchAsync("q=larch&country=RU&sort=newest");
        Assert.Equal((100L, false), (russian.Total, russian.Exact));
        Assert.Equal([.. SearchWindowFixture.Recent, 70_000L], russian.Entries);
    }

    [Fact]
    public async Task MKT02_fewer_matches_than_the_window_are_counted_exactly_down_to_the_oldest_entry()
    {
        var finnish = await SearchAsync("q=larch&country=FI");
        Assert.Equal((2L, true), (finnish.Total, finnish.Exact));
        Assert.Equal([150_000L, 5_000L], finnish.Entries);

        var german = await SearchAsync("q=larch+sleepers&country=DE&type=offer&currency=EUR");
        Assert.Equal((1L, true), (german.Total, german.Exact));
        Assert.Equal([2L], german.Entries);

        var none = await SearchAsync("q=larch&country=PL");
        Assert.Equal((0L, true), (none.Total, none.Exact));
        Assert.Empty(none.Entries);
    }

    [Fact]
    public async Task MKT02_filters_the_text_index_does_not_hold_are_checked_on_every_block_read()
    {
        // Posted in the last ten days: only the 99 listed one after another; the window reads back to the first entry to know.
        var since = app.Clock.GetUtcNow().UtcDateTime.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = await SearchAsync($"q=larch&since={since}&minPrice=39&maxPrice=41&currency=EUR");
        Assert.Equal((99L, true), (recent.Total, recent.Exact));
        Assert.Equal(SearchWindowFixture.Recent, recent.Entries);

        var older = await SearchAsync("q=larch&category=12&sort=newest&page=2&pageSize=50");
        Assert.Equal(SearchWindowFixture.Recent.Skip(50).Append(150_000L), older.Entries);
    }

    [Fact]
    public async Task MKT02_a_price_range_without_words_pages_newest_first_within_its_window_and_past_it()
    {
        var since = app.Clock.GetUtcNow().UtcDateTime.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var range = $"since={since}&minPrice=39&maxPrice=41&currency=EUR&pageSize=40";
        var second = await SearchAsync(range + "&page=2");
        Assert.Equal((99L, true), (second.Total, second.Exact));
        Assert.Equal(SearchWindowFixture.Recent.Skip(40).Take(40), second.Entries);
        Assert.Equal(SearchWindowFixture.Recent.Skip(80), (await SearchAsync(range + "&page=3&sort=newest")).Entries);

        // The fourth page lies past the window of 100: read by its own walk, and empty; the whole market is counted alike.
        Assert.Empty((await SearchAsync(range + "&page=4")).Entries);
        var all = await SearchAsync("minPrice=39&maxPrice=41&currency=EUR&pageSize=50&page=3");
        Assert.Equal((100L, false), (all.Total, all.Exact));
        Assert.Equal([70_000L, 5_000L, 2L, 1L], all.Entries);
    }

    [Fact]
    public async Task MKT02_relevance_counts_the_terms_and_phrases_a_title_holds()
    {
        // Both titles hold oak; only the older one also holds sleepers, so it ranks first.
        Assert.Equal([301_001L, 301_002L], (await SearchAsync("q=oak+sleepers")).Entries);
        Assert.Equal([301_001L, 301_002L], (await SearchAsync("q=%22railway+sleepers%22+oak")).Entries);
        Assert.Equal([301_000L, 301_001L], (await SearchAsync("q=Sleepers+PINE")).Entries);
        Assert.Equal([301_002L, 301_001L], (await SearchAsync("q=oak+sleepers&sort=newest")).Entries);
    }

    [Theory]
    [InlineData("creme")]
    [InlineData("CRÈME")]
    [InlineData("facade+panels")]
    [InlineData("%22uber+500+stuck%22")]
    [InlineData("g%C3%BCteklasse")]
    public async Task MKT02_the_diacritics_of_latin_letters_do_not_matter_on_either_engine(string query) =>
        Assert.Equal([301_003L], (await SearchAsync("q=" + query)).Entries);
}

using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Tests.Marketplace;

/// <summary>The fixed dataset every search test reads; it is written once per run of the class, on the run's engine.</summary>
public sealed class SearchFixture : TradehallApp
{
    private readonly Lazy<Task<Dictionary<string, Guid>>> ids;

    public SearchFixture()
    {
        Settings["RateLimits:AnonymousSearchPerMinute"] = "100000";
        ids = new(SeedAsync);
    }

    public static readonly (string Key, SeedListing Seed)[] Listings =
    [
        ("boards", new("Spruce boards kiln dried", "Grade A, 50x150, stacked under roof.", ListingType.Offer, 12, "RU", "RUB", 1_200_000, 1)),
        ("beams", new("Pine beams", "Fresh pine beams; the spruce bark is removed.", ListingType.Offer, 13, "FI", "EUR", 25_000, 2)),
        ("plywood", new("Birch plywood", "Laminated sheets, 18 mm.", ListingType.Offer, 28, "DE", "EUR", 3_000, 3)),
        ("logs", new("Buying spruce logs", "We need sawlogs every month.", ListingType.Request, 4, "RU", "RUB", 500_000, 4, Highlighted: true)),
        ("doska", new("Доска обрезная сосна", "Сухая доска, ГОСТ 8486.", ListingType.Offer, 12, "RU", "RUB", 1_500_000, 5)),
        ("pellets", new("Wood pellets premium", "ENplus A1 in big bags.", ListingType.Offer, 50, "BY", "BYN", 40_000, 6)),
        ("oak", new("Oak planks", "Kiln dried oak, **select** grade.", ListingType.Offer, 17, "PL", "EUR", 90_000, 7)),
    ];

    public Task<Dictionary<string, Guid>> IdsAsync() => ids.Value;

    private async Task<Dictionary<string, Guid>> SeedAsync()
    {
        var owner = await Members.RegisterAsync(this);
        var made = new Dictionary<string, Guid>();
        foreach (var (key, seed) in Listings)
        {
            made[key] = await SearchData.AddAsync(this, owner.Id, seed);
        }
        return made;
    }
}

public sealed class SearchApiTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private async Task<JsonElement> SearchAsync(string query)
    {
        await app.IdsAsync();
        using var client = app.Api();
        var response = await client.GetAsync("/api/v1/listings/search?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, query + ": " + await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private async Task<List<string>> KeysAsync(string query)
    {
        var ids = await app.IdsAsync();
        var result = await SearchAsync(query);
        return result.GetProperty("items").EnumerateArray()
            .Select(i => ids.Single(kv => kv.Value == i.GetProperty("id").GetGuid()).Key).ToList();
    }

    private async Task<HashSet<string>> SetAsync(string query) => [.. await KeysAsync(query)];

    [Fact]
    public async Task MKT02_answers_the_fixed_shape_to_a_visitor()
    {
        var result = await SearchAsync("q=spruce+boards");
        Assert.Equal(1, result.GetProperty("total").GetInt64());
        var item = result.GetProperty("items")[0];
        Assert.Equal("offer", item.GetProperty("type").GetString());
        Assert.Equal("Spruce boards kiln dried", item.GetProperty("title").GetString());
        Assert.Equal(12000.00m, item.GetProperty("price").GetDecimal());
        Assert.Equal("RUB", item.GetProperty("currency").GetString());
        Assert.Equal("m3", item.GetProperty("unit").GetString());
        Assert.Equal("RU", item.GetProperty("country").GetString());
        Assert.True(item.GetProperty("postedAt").GetDateTime() < app.Clock.GetUtcNow().UtcDateTime);
        Assert.False(string.IsNullOrEmpty(item.GetProperty("owner").GetProperty("handle").GetString()));
        var facets = result.GetProperty("facets");
        Assert.Equal(1, facets.GetProperty("category").GetProperty("12").GetInt64());
        Assert.Equal(1, facets.GetProperty("country").GetProperty("RU").GetInt64());
        Assert.Equal(1, facets.GetProperty("type").GetProperty("offer").GetInt64());
        Assert.Equal(0, facets.GetProperty("type").GetProperty("request").GetInt64());
    }

    [Fact]
    public async Task MKT02_words_are_all_required_and_found_in_title_or_description()
    {
        Assert.Equal(["boards", "beams", "logs"], await SetAsync("q=spruce"));
        Assert.Equal(["boards"], await SetAsync("q=SPRUCE%20boards"));
        Assert.Equal(["beams"], await SetAsync("q=bark+pine"));
        Assert.Equal(["oak"], await SetAsync("q=select"));
        Assert.Empty(await SetAsync("q=spruce+pellets"));
    }

    [Fact]
    public async Task MKT02_relevance_puts_title_matches_above_description_matches()
    {
        // Both titles hold the word; the highlighted request comes first among equals, the description-only match last.
        Assert.Equal(["logs", "boards", "beams"], await KeysAsync("q=spruce&sort=relevance"));
        Assert.Equal(["boards", "oak"], await KeysAsync("q=kiln+dried"));
    }

    [Fact]
    public async Task MKT02_quoted_words_are_a_phrase_and_words_match_whole_words()
    {
        // «сухая» is a kiln-dried board in the synonym list.
        Assert.Equal(["boards", "oak", "doska"], await SetAsync("q=%22kiln+dried%22"));
        Assert.Equal(["boards"], await SetAsync("q=%22spruce+boards%22+%22kiln+dried%22"));
        Assert.Empty(await SetAsync("q=%22dried+kiln%22"));
        Assert.Equal(["pellets"], await SetAsync("q=pellets"));
        Assert.Empty(await SetAsync("q=pell"));
        Assert.Empty(await SetAsync("q=spruc"));
    }

    [Fact]
    public async Task MKT02_finds_cyrillic_words_in_any_case()
    {
        // «доска» is a synonym of board and plank: the spruce boards and the oak planks are boards too.
        Assert.Equal(["doska", "boards", "oak"], await SetAsync("q=" + Uri.EscapeDataString("доска")));
        Assert.Equal(["doska"], await SetAsync("q=" + Uri.EscapeDataString("ДОСКА СОСНА")));
        // «сухая» (dry) stands for kiln-dried in the synonym list.
        Assert.Equal(["doska", "boards", "oak"], await SetAsync("q=" + Uri.EscapeDataString("сухая")));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("'; DROP TABLE marketplace_listing_search; --")]
    [InlineData("NEAR(spruce boards)")]
    [InlineData("*")]
    [InlineData("spruce*")]
    [InlineData("spruce OR pine")]
    [InlineData("title:spruce")]
    [InlineData("-spruce ^boards")]
    [InlineData("((( \" ' \\ & | ! <-> :*")]
    [InlineData("{Title}: spruce")]
    public async Task MKT02_SEC07_search_syntax_and_sql_in_the_query_are_only_words(string q)
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString(q));
        Assert.True(result.GetProperty("total").GetInt64() >= 0);
        // The index is intact and still answers.
        Assert.Equal(["boards", "beams", "logs"], await SetAsync("q=spruce"));
    }

    [Fact]
    public async Task MKT02_syntax_words_are_searched_as_words()
    {
        Assert.Equal(["boards"], await SetAsync("q=" + Uri.EscapeDataString("spruce* boards")));
        Assert.Equal(["boards"], await SetAsync("q=" + Uri.EscapeDataString("spruce* boards*")));
        // "or" is a common word: it narrows nothing.
        Assert.Equal(["boards"], await SetAsync("q=" + Uri.EscapeDataString("spruce* boards OR")));
        Assert.Empty(await SetAsync("q=" + Uri.EscapeDataString("NEAR(spruce boards)")));
        Assert.Equal(["boards"], await SetAsync("q=" + Uri.EscapeDataString("\"spruce\" boards'")));
        Assert.Equal(["boards"], await SetAsync("q=" + Uri.EscapeDataString("\"spruce boards")));
    }

    [Fact]
    public async Task MKT02_filters_by_type_country_currency_and_posting_day()
    {
        Assert.Equal(["logs"], await SetAsync("type=request"));
        Assert.Equal(["beams"], await SetAsync("country=fi"));
        Assert.Equal(["beams", "plywood", "oak"], await SetAsync("currency=EUR"));
        var since = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["boards", "beams", "plywood"], await SetAsync("since=" + since));
        Assert.Equal(["boards"], await SetAsync("q=spruce&type=offer&country=RU"));
    }

    [Fact]
    public async Task MKT02_a_category_takes_its_whole_subtree()
    {
        Assert.Equal(["boards", "beams", "doska", "oak"], await SetAsync("category=10"));
        Assert.Equal(["boards", "beams", "doska"], await SetAsync("category=11"));
        Assert.Equal(["boards", "doska"], await SetAsync("category=12"));
        Assert.Equal(["logs"], await SetAsync("category=1&q=spruce"));
    }

    [Fact]
    public async Task MKT02_ANL03_price_ranges_compare_base_prices_or_prices_in_the_given_currency()
    {
        // Without a currency: roubles at the operator's rates (250 EUR = 25,000 RUB); BYN has no rate and drops out.
        Assert.Equal(["boards", "beams", "doska", "oak"], await SetAsync("minPrice=10000"));
        Assert.Equal(["plywood", "logs"], await SetAsync("maxPrice=5000"));
        Assert.Equal(["beams"], await SetAsync("minPrice=100&maxPrice=300&currency=EUR"));
        Assert.Equal(["oak"], await SetAsync("minPrice=900&currency=eur"));
        Assert.Equal(["boards"], await SetAsync("q=spruce&minPrice=10000&maxPrice=12000.00"));
    }

    [Fact]
    public async Task MKT02_sorts_by_newest_and_price()
    {
        Assert.Equal(["boards", "beams", "plywood", "logs", "doska", "pellets", "oak"], await KeysAsync("sort=newest"));
        Assert.Equal(["boards", "beams", "plywood", "logs", "doska", "pellets", "oak"], await KeysAsync(""));
        Assert.Equal(["plywood", "logs", "boards", "doska", "beams", "oak", "pellets"], await KeysAsync("sort=price"));
        Assert.Equal(["oak", "beams", "doska", "boards", "logs", "plywood", "pellets"], await KeysAsync("sort=price_desc"));
        Assert.Equal(["plywood", "beams", "oak"], await KeysAsync("sort=price&currency=EUR"));
        Assert.Equal(["logs", "boards", "beams"], await KeysAsync("q=spruce&sort=price"));
        Assert.Equal(["boards", "beams", "logs"], await KeysAsync("q=spruce&sort=newest"));
        Assert.Equal(["beams", "boards", "logs"], await KeysAsync("q=spruce&sort=price_desc"));
        Assert.Equal(["logs", "boards"], await KeysAsync("q=spruce&sort=price&currency=RUB"));
        Assert.Equal(["boards", "logs"], await KeysAsync("q=spruce&sort=price_desc&currency=rub"));
    }

    [Fact]
    public async Task MKT02_facets_count_the_matches_of_every_filter()
    {
        var all = await SearchAsync("");
        Assert.Equal(7, all.GetProperty("total").GetInt64());
        Assert.True(all.GetProperty("totalExact").GetBoolean());
        var facets = all.GetProperty("facets");
        Assert.Equal(2, facets.GetProperty("category").GetProperty("12").GetInt64());
        Assert.Equal(3, facets.GetProperty("country").GetProperty("RU").GetInt64());
        Assert.Equal(6, facets.GetProperty("type").GetProperty("offer").GetInt64());
        Assert.Equal(1, facets.GetProperty("type").GetProperty("request").GetInt64());

        var spruce = await SearchAsync("q=spruce&country=RU");
        Assert.Equal(2, spruce.GetProperty("total").GetInt64());
        var f = spruce.GetProperty("facets");
        Assert.Equal(["12", "4"], f.GetProperty("category").EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray());
        Assert.Equal(["RU"], f.GetProperty("country").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, f.GetProperty("type").GetProperty("request").GetInt64());

        var ranged = await SearchAsync("minPrice=10000&type=offer");
        Assert.Equal(4, ranged.GetProperty("total").GetInt64());
        Assert.Equal(2, ranged.GetProperty("facets").GetProperty("country").GetProperty("RU").GetInt64());
    }

    [Fact]
    public async Task MKT02_pages_reach_the_end_and_past_it()
    {
        Assert.Equal(["boards"], await KeysAsync("sort=newest&pageSize=1"));
        Assert.Equal(["beams"], await KeysAsync("sort=newest&pageSize=1&page=2"));
        Assert.Equal(["oak"], await KeysAsync("sort=newest&pageSize=3&page=3"));
        var past = await SearchAsync("sort=newest&pageSize=3&page=4");
        Assert.Empty(past.GetProperty("items").EnumerateArray());
        Assert.Equal(7, past.GetProperty("total").GetInt64());
        Assert.Equal(7, (await SearchAsync("pageSize=100")).GetProperty("items").GetArrayLength());
        Assert.Equal(["beams"], await KeysAsync("q=spruce&sort=newest&pageSize=1&page=2"));
        Assert.Empty((await SearchAsync("q=spruce&page=2")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=10000", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("page=101&pageSize=100", "page")]
    [InlineData("type=sale", "type")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("currency=XYZ", "currency")]
    [InlineData("country=ZZ", "country")]
    [InlineData("country=Russia", "country")]
    [InlineData("category=999999", "category")]
    [InlineData("category=boards", "category")]
    [InlineData("minPrice=500&maxPrice=100", "minPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("maxPrice=1.234", "maxPrice")]
    [InlineData("maxPrice=ten", "maxPrice")]
    [InlineData("since=2026-13-01", "since")]
    [InlineData("since=yesterday", "since")]
    public async Task MKT02_bad_values_are_refused_naming_the_parameter(string query, string field)
    {
        await app.IdsAsync();
        using var client = app.Api();
        var response = await client.GetAsync("/api/v1/listings/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }
}

public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task MKT07_SEC06_visitors_searching_too_fast_get_429()
    {
        using var app = new TradehallApp { Settings = { ["RateLimits:AnonymousSearchPerMinute"] = "3" } };
        using var client = app.Api();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/listings/search?q=spruce")).StatusCode);
        }
        var refused = await client.GetAsync("/api/v1/listings/search?q=spruce");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/listings?q=spruce")).StatusCode);
    }
}

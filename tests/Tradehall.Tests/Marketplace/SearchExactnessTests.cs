using System.Globalization;
using Tradehall.Core.Shared;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Marketplace.Search.Index;

namespace Tradehall.Tests.Marketplace;

/// <summary>A generated market of a few thousand listings, written in one save, on the run's engine.</summary>
public sealed class GeneratedMarketFixture : TradehallApp
{
    public const int Size = 3_000;

    /// <summary>Past this many matches the total reads "1,000+" and the facets are estimated; some of the queries below cross it.</summary>
    public const int ExactUpTo = 1_000;

    private static readonly string[] Words = ["spruce", "pine", "birch", "oak", "boards", "plywood", "kiln", "dried", "доска", "сосна", "брус", "фанера", "сухая", "обрезная", "premium", "grade"];
    private static readonly int[] Categories = [4, 7, 12, 13, 15, 17, 20, 29, 32, 48, 50, 55, 59, 67];
    private static readonly string[] Countries = ["RU", "FI", "DE", "BY", "KZ"];
    private static readonly string[] Currencies = ["RUB", "EUR", "BYN"];

    private readonly Lazy<Task> seeded;

    public GeneratedMarketFixture()
    {
        Settings["Marketplace:SearchExactUpTo"] = ExactUpTo.ToString(CultureInfo.InvariantCulture);
        seeded = new(SeedAsync);
    }

    public Task SeededAsync() => seeded.Value;

    private async Task SeedAsync()
    {
        var owner = await Members.RegisterAsync(this);
        var random = new Random(20261207);
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < Size; i++)
        {
            var posted = now.AddMinutes(-random.Next(0, 60 * 24 * 50));
            var listing = new Listing
            {
                Type = random.Next(3) == 0 ? ListingType.Request : ListingType.Offer, Status = ListingStatus.Active, OwnerId = owner.Id,
                Title = Text(random.Next(2, 5)), Description = Text(random.Next(0, 8)), CategoryId = Categories[random.Next(Categories.Length)],
                // Few distinct prices, so equal prices must fall back to the entry's number.
                Price = random.Next(1, 60) * 50_000, Currency = Currencies[random.Next(Currencies.Length)], Unit = "m3", Quantity = 1,
                Country = Countries[random.Next(Countries.Length)], Region = "", PostedAt = posted, UpdatedAt = posted, ExpiresAt = posted.AddDays(60),
            };
            var entry = new ListingSearchEntry { Country = listing.Country, Currency = listing.Currency, Title = listing.Title, Description = "" };
            SearchIndex.Fill(entry, listing, random.Next(10) == 0, SearchData.Rates);
            db.Add(listing);
            db.Add(entry);
        }
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// MKT-02: the index's answers — totals, every sort's whole order, facets — against a brute-force reading of every entry
/// of the database, over a generated market, on the run's engine.
/// </summary>
public sealed class SearchExactnessTests(GeneratedMarketFixture app) : IClassFixture<GeneratedMarketFixture>
{
    public static TheoryData<string> Queries() =>
    [
        "", "type=request", "category=10", "category=27&type=offer", "country=FI", "currency=EUR", "minPrice=1000&maxPrice=10000",
        "minPrice=500&currency=EUR", "maxPrice=800", "since=20", "q=spruce", "q=доска", "q=boards", "q=\"kiln dried\"",
        "q=pine&type=request", "q=сухая обрезная&country=RU", "q=plywood&minPrice=2000", "q=premium grade&category=10",
        "q=фанеры", "q=the of",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task MKT02_every_sort_orders_all_matches_and_totals_and_facets_are_exact(string query)
    {
        await app.SeededAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var search = services.GetRequiredService<ListingSearch>();
        var criteria = Criteria(query, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        var resolved = await services.GetRequiredService<SearchCriteriaRules>().ResolveAsync(criteria, new(), CancellationToken.None);
        var lexicon = await services.GetRequiredService<ListingIndexSource>().LexiconAsync(CancellationToken.None);
        var entries = await services.GetRequiredService<AppDbContext>().Set<ListingSearchEntry>().AsNoTracking().ToListAsync();
        var expected = entries.Select(e => (Entry: e, Score: Score(e, resolved, lexicon))).Where(x => x.Score >= 0 && Passes(x.Entry, resolved)).ToList();

        foreach (var sort in new[] { "relevance", "newest", "price", "price_desc" })
        {
            var all = new List<Guid>();
            SearchResult first = null!;
            for (var page = 1; ; page++)
            {
                var result = await search.SearchAsync(criteria with { Sort = sort }, PageRequest.Of(page, 100), CancellationToken.None);
                first ??= result;
                all.AddRange(result.Items.Select(i => i.Id));
                if (result.Items.Count < 100)
                {
                    break;
                }
            }
            var exact = expected.Count <= GeneratedMarketFixture.ExactUpTo;
            Assert.Equal(exact ? expected.Count : GeneratedMarketFixture.ExactUpTo, first.Total);
            Assert.Equal(exact, first.TotalExact);
            var text = resolved.Terms.Any(t => lexicon.Expand(t).Alternatives.Count > 0);
            Assert.Equal(Order(expected, sort, resolved, text).Select(x => x.Entry.ListingId), all);
            Assert.Equal(exact, first.FacetsExact);
            if (first.FacetsExact)
            {
                Assert.Equal(expected.CountBy(x => x.Entry.CategoryId).OrderBy(g => g.Key), first.Facets.Category.OrderBy(g => g.Key).Select(g => new KeyValuePair<int, int>(g.Key, (int)g.Value)));
                Assert.Equal(expected.CountBy(x => x.Entry.Country).OrderBy(g => g.Key, StringComparer.Ordinal), first.Facets.Country.Select(g => new KeyValuePair<string, int>(g.Key, (int)g.Value)));
            }
            else
            {
                // Estimates from an even sample of the matches: within four standard deviations of the true count.
                var stride = (double)expected.Count / GeneratedMarketFixture.ExactUpTo;
                Assert.InRange(first.Facets.Type.Values.Sum(), expected.Count - (4 * Math.Sqrt(expected.Count * stride)), expected.Count + (4 * Math.Sqrt(expected.Count * stride)));
                foreach (var (category, count) in expected.CountBy(x => x.Entry.CategoryId))
                {
                    var spread = 4 * Math.Sqrt(count * stride);
                    Assert.InRange(first.Facets.Category.GetValueOrDefault(category), count - spread, count + spread);
                }
            }
        }
    }

    /// <summary>The criteria of a query string; <c>since</c> counts days back from <paramref name="today"/>.</summary>
    private static SearchCriteria Criteria(string query, DateOnly today)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        string? Get(string name) => values.GetValueOrDefault(name);
        return new SearchCriteria(Get("q"), Get("type"), Get("category") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : null, Get("country"),
            Get("minPrice") is { } min ? decimal.Parse(min, CultureInfo.InvariantCulture) : null,
            Get("maxPrice") is { } max ? decimal.Parse(max, CultureInfo.InvariantCulture) : null, Get("currency"),
            Get("since") is { } since ? today.AddDays(-int.Parse(since, CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>Terms held in the title or by the category, or -1 when a term is held nowhere.</summary>
    private static int Score(ListingSearchEntry e, ResolvedCriteria c, SearchLexicon lexicon)
    {
        var title = SearchAnalyzer.Keys(e.Title);
        var body = SearchAnalyzer.Keys(e.Description);
        var score = 0;
        foreach (var term in c.Terms)
        {
            var expansion = lexicon.Expand(term);
            if (expansion.Alternatives.Count == 0)
            {
                continue;
            }
            var inTitle = expansion.Categories.Contains(e.CategoryId) || expansion.Alternatives.Any(a => Holds(title, a));
            if (!inTitle && !expansion.Alternatives.Any(a => Holds(body, a)))
            {
                return -1;
            }
            score += inTitle ? 1 : 0;
        }
        return score;
    }

    private static bool Holds(List<string?> text, IReadOnlyList<string?> keys)
    {
        for (var start = 0; start + keys.Count <= text.Count; start++)
        {
            if (keys.Select((k, i) => k == text[start + i]).All(x => x))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Passes(ListingSearchEntry e, ResolvedCriteria c)
    {
        var price = c.Currency is null ? e.PriceBase : e.Price;
        return (c.Type is null || e.Type == c.Type) && (c.Categories is null || c.Categories.Contains(e.CategoryId))
            && (c.Country is null || e.Country == c.Country) && (c.Currency is null || e.Currency == c.Currency)
            && (c.MinPrice is null || (price is { } p1 && p1 >= c.MinPrice)) && (c.MaxPrice is null || (price is { } p2 && p2 <= c.MaxPrice))
            && (c.Since is null || e.PostedAt >= c.Since);
    }

    private static IEnumerable<(ListingSearchEntry Entry, int Score)> Order(List<(ListingSearchEntry Entry, int Score)> matches, string sort, ResolvedCriteria c, bool text)
    {
        long? Price((ListingSearchEntry Entry, int Score) x) => c.Currency is null ? x.Entry.PriceBase : x.Entry.Price;
        return sort switch
        {
            "price" => matches.OrderBy(x => Price(x) is null).ThenBy(Price).ThenBy(x => x.Entry.Id),
            "price_desc" => matches.OrderBy(x => Price(x) is null).ThenByDescending(Price).ThenByDescending(x => x.Entry.Id),
            "relevance" when text => matches.OrderByDescending(x => x.Score).ThenByDescending(x => x.Entry.Highlighted)
                .ThenByDescending(x => x.Entry.PostedAt.Ticks / TimeSpan.TicksPerSecond).ThenByDescending(x => x.Entry.Id),
            _ => matches.OrderByDescending(x => x.Entry.PostedAt).ThenByDescending(x => x.Entry.Id),
        };
    }
}

using System.Data.Common;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Bench;

/// <summary>
/// One search of the mix, as the API is asked it (<see cref="Api"/>, the query string) and as the peers run it: the
/// text split into bare words and quoted phrases, the category widened to its subtree, prices in minor units.
/// <see cref="Label"/> is the entry as the mix writes it, for reports.
/// Without <see cref="Currency"/> a price range and a price sort are in the base currency (the entry's price
/// converted, null last), with it only listings priced in that currency by their own price — as the API reads them.
/// </summary>
internal sealed record MixQuery(
    string Label, string Api, string? Text, IReadOnlyList<string> Words, IReadOnlyList<string> Phrases, ListingType? Type, int? Category,
    IReadOnlyList<int>? Subtree, string? Country, long? MinPrice, long? MaxPrice, string? Currency, DateTime? Since, MixSort Sort,
    int Page, int PageSize)
{
    public bool HasText => Words.Count + Phrases.Count > 0;

    public int Offset => (Page - 1) * PageSize;
}

/// <summary>The API's sorts; relevance without words is newest first.</summary>
internal enum MixSort
{
    Relevance,
    Newest,
    Price,
    PriceDesc,
}

/// <summary>
/// The query mix every engine of the search benchmark runs, request i taking entry i mod its length: words in both
/// languages (plural and inflected forms among them), quoted phrases, filters only (type, category subtree, country, a
/// price range in a currency and in the base currency, a day), words with filters, every sort, and page 50. The words
/// are those of the demo market's titles (<c>DemoMarketCatalog</c>), so they match. Categories are named by their
/// code and resolved against the database's taxonomy; <c>{since}</c> is the day 30 days back.
/// </summary>
internal static class SearchMix
{
    private static readonly string[] Entries =
    [
        // Single words, English and Russian, plural and inflected forms the titles hold in another form.
        "q=pellets", "q=boards", "q=plywood", "q=birch", "q=harvesters", "q=logs", "q=spruce", "q=beams",
        "q=доски", "q=досок", "q=пеллеты", "q=фанеры", "q=сосна", "q=брус", "q=пиловочник", "q=щепа", "q=целлюлоза",
        // Quoted phrases.
        "q=\"pine boards\"", "q=\"wood pellets\"", "q=\"birch plywood\"", "q=\"film-faced plywood\"",
        "q=\"доска обрезная\"", "q=\"пиловочник сосны\"", "q=\"фанера берёзовая\"",
        // Filters only: type, category subtree, country, a price range in a currency and in the base currency, a day.
        "type=offer&category=sawn-timber", "category=bioenergy&country=RU", "country=FI", "type=request&category=roundwood",
        "category=machinery&country=DE", "minPrice=15000&maxPrice=25000&currency=RUB", "category=boards&minPrice=150&maxPrice=300&currency=EUR",
        "minPrice=10000&maxPrice=20000", "since={since}&type=offer",
        // Words with filters.
        "q=pellets&country=RU&type=offer", "q=доски&category=sawn-timber&minPrice=15000&maxPrice=25000&currency=RUB",
        "q=plywood&type=request", "q=\"wood pellets\"&country=RU", "q=boards&country=FI&sort=price_desc",
        // Every sort, with and without words, over category subtrees.
        "q=пеллеты&category=pellets&sort=price", "q=forwarder&sort=newest", "q=birch&sort=price", "q=сосна&sort=price_desc",
        "category=sawn-timber&sort=newest", "category=wood-panels&sort=price&currency=EUR", "category=pulp-paper&sort=price_desc",
        "country=RU&type=offer&sort=price", "sort=price_desc", "category=plywood",
        // Deep pages: page 50 of 20.
        "category=sawn-timber&page=50&pageSize=20", "q=доски&sort=newest&page=50&pageSize=20", "country=RU&sort=price&page=50&pageSize=20",
        "sort=newest&page=50&pageSize=20", "q=pellets&page=50&pageSize=20", "category=bioenergy&currency=RUB&sort=price_desc&page=50&pageSize=20",
    ];

    /// <summary>A word query the readiness check expects matches for, on any engine.</summary>
    public const string CheckWord = "pellets";

    /// <summary>
    /// Runs each search of the mix once and names those that find nothing, so an engine that answers quickly by
    /// finding nothing shows, and so does which words its language handling misses.
    /// </summary>
    public static async Task ReportEmptyAsync(string engine, IReadOnlyList<MixQuery> mix, Func<MixQuery, Task<long>> total)
    {
        var empty = new List<string>();
        foreach (var q in mix)
        {
            if (await total(q) <= 0)
            {
                empty.Add(q.Label);
            }
        }
        await Console.Error.WriteLineAsync(empty.Count == 0
            ? $"search: {engine}: every search of the mix finds something"
            : $"search: {engine}: {empty.Count} of the mix's {mix.Count} searches find nothing: {string.Join(", ", empty)}");
    }

    /// <summary>
    /// The mix against the taxonomy in <paramref name="connection"/> (<c>marketplace_categories</c>): each category
    /// code resolved to its id and subtree. An unknown code is an error: the mix would ask for a category that is gone.
    /// </summary>
    public static async Task<IReadOnlyList<MixQuery>> ResolveAsync(DbConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new Dictionary<int, List<int>>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\", \"ParentId\", \"Code\" FROM marketplace_categories";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt32(0);
                codes[reader.GetString(2)] = id;
                if (!reader.IsDBNull(1))
                {
                    var parent = reader.GetInt32(1);
                    if (!children.TryGetValue(parent, out var list))
                    {
                        children[parent] = list = [];
                    }
                    list.Add(id);
                }
            }
        }
        var since = now.Date.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Entries.Select(e => Parse(e.Replace("{since}", since, StringComparison.Ordinal), codes, children)).ToList();
    }

    /// <summary>The ancestors of each category and the category itself, for a subtree filter that is one term.</summary>
    public static async Task<Dictionary<int, int[]>> LineagesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var parents = new Dictionary<int, int?>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"ParentId\" FROM marketplace_categories";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                parents[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            }
        }
        return parents.Keys.ToDictionary(id => id, id =>
        {
            var line = new List<int>();
            for (int? at = id; at is { } a && line.Count <= parents.Count; at = parents.GetValueOrDefault(a))
            {
                line.Add(a);
            }
            return line.ToArray();
        });
    }

    private static MixQuery Parse(string entry, Dictionary<string, int> codes, Dictionary<int, List<int>> children)
    {
        var values = entry.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        string? Get(string name) => values.GetValueOrDefault(name);
        int? category = null;
        List<int>? subtree = null;
        if (Get("category") is { } code)
        {
            if (!codes.TryGetValue(code, out var id))
            {
                throw new InvalidOperationException($"The search mix names the category \"{code}\", which the taxonomy does not have.");
            }
            category = id;
            subtree = [];
            var stack = new Stack<int>([id]);
            while (stack.TryPop(out var at))
            {
                subtree.Add(at);
                foreach (var child in children.GetValueOrDefault(at) ?? [])
                {
                    stack.Push(child);
                }
            }
            values["category"] = id.ToString(CultureInfo.InvariantCulture);
        }
        var api = string.Join('&', values.Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value)));
        var (words, phrases) = Split(Get("q"));
        long? Minor(string name) => Get(name) is { } amount ? Money.ToMinor(decimal.Parse(amount, CultureInfo.InvariantCulture)) : null;
        return new MixQuery(
            entry, api, Get("q"), words, phrases,
            Get("type") switch { "offer" => ListingType.Offer, "request" => ListingType.Request, null => null, var t => throw new InvalidOperationException(t) },
            category, subtree, Get("country"), Minor("minPrice"), Minor("maxPrice"), Get("currency"),
            Get("since") is { } day ? DateTime.SpecifyKind(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc) : null,
            Get("sort") switch
            {
                null or "relevance" => MixSort.Relevance, "newest" => MixSort.Newest, "price" => MixSort.Price, "price_desc" => MixSort.PriceDesc,
                var s => throw new InvalidOperationException(s),
            },
            Get("page") is { } page ? int.Parse(page, CultureInfo.InvariantCulture) : 1,
            Get("pageSize") is { } size ? int.Parse(size, CultureInfo.InvariantCulture) : 20);
    }

    /// <summary>Quoted parts are phrases, the rest bare words separated by spaces.</summary>
    private static (List<string> Words, List<string> Phrases) Split(string? text)
    {
        var words = new List<string>();
        var phrases = new List<string>();
        var parts = (text ?? "").Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                phrases.Add(parts[i]);
            }
            else
            {
                words.AddRange(parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return (words, phrases);
    }
}

using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Marketplace.Search;

public sealed record SearchOwner(Guid Id, string Handle, string Name);

public sealed record SearchItem(
    Guid Id, ListingType Type, string Title, decimal Price, string Currency, string Unit, string Country, DateTime PostedAt,
    SearchOwner? Owner, Guid? OrganizationId, int CategoryId, bool Highlighted);

/// <summary>Matches per value of each dimension, counted over the matches of all filters (drill-down facets).</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<int, long> Category, IReadOnlyDictionary<string, long> Country, IReadOnlyDictionary<string, long> Type);

/// <summary>
/// <see cref="TotalExact"/> is false when more listings match than the search window counts: <see cref="Total"/> and the
/// facets then count the most recent matches only, and the true numbers are higher.
/// </summary>
public sealed record SearchResult(long Total, bool TotalExact, IReadOnlyList<SearchItem> Items, SearchFacets Facets, int Page, int PageSize);

/// <summary>
/// MKT-02: the one part of listing search that differs between engines — how the words are matched. SQLite matches
/// through the FTS5 table <c>marketplace_listing_search_fts</c>, PostgreSQL through the GIN index on the weighted
/// 'simple' tsvector of title and body (both made by the Search migration). Query text reaches either only as words
/// of letters and digits (<see cref="SearchText"/>), bound as a parameter.
/// </summary>
public interface IListingSearchEngine
{
    /// <summary>The tables of a query; the search entry is aliased <c>s</c>.</summary>
    string From(bool text);

    /// <summary>The condition that the entry holds every term of the parameter's query.</summary>
    string Match(string parameter);

    /// <summary>The most recently indexed matches first, in the order the text index yields them cheaply.</summary>
    string RecentFirst { get; }

    /// <summary>The terms in the engine's query language.</summary>
    string Query(IReadOnlyList<SearchTerm> terms);

    /// <summary>A filter column the planner should not pick an index for, because the sort's index is the better path.</summary>
    string Unindexed(string column);
}

internal sealed class SqliteListingSearchEngine : IListingSearchEngine
{
    public string From(bool text) => text
        ? "marketplace_listing_search_fts JOIN marketplace_listing_search s ON s.\"Id\" = marketplace_listing_search_fts.rowid"
        : "marketplace_listing_search s";

    public string Match(string parameter) => "marketplace_listing_search_fts MATCH " + parameter;

    public string RecentFirst => "marketplace_listing_search_fts.rowid DESC";

    // Each term quoted (its words hold only letters and digits): "spruce" "kiln dried"
    public string Query(IReadOnlyList<SearchTerm> terms) =>
        string.Join(' ', terms.Select(t => "\"" + string.Join(' ', t.Words) + "\""));

    // A unary plus keeps SQLite from choosing that column's index.
    public string Unindexed(string column) => "+" + column;
}

internal sealed class PostgresListingSearchEngine : IListingSearchEngine
{
    private const string Vector = "s.\"Words\"";

    public string From(bool text) => "marketplace_listing_search s";

    public string Match(string parameter) => Vector + " @@ to_tsquery('simple', " + parameter + ")";

    public string RecentFirst => "s.\"Id\" DESC";

    public string Query(IReadOnlyList<SearchTerm> terms) =>
        string.Join(" & ", terms.Select(t => "(" + string.Join(" <-> ", t.Words) + ")"));

    public string Unindexed(string column) => column;
}

/// <summary>
/// MKT-02: listing search over <c>marketplace_listing_search</c>, the same on both engines.
/// <list type="bullet">
/// <item>Filters by type, category subtree, country, currency, price range and posting day; words are all required.</item>
/// <item>Without words, price range or day, the total and facets come exactly from <c>marketplace_listing_search_counts</c>,
/// which triggers keep per type, category, country and currency; otherwise they are counted over the
/// <see cref="MarketplaceOptions.SearchWindow"/> most recent matches, and a fuller set says so (<see cref="SearchResult.TotalExact"/>).</item>
/// <item>With words, the window's matches are also what is sorted: relevance ranks by the query terms found in the title
/// (a title match above a description-only match), then highlighted listings, newest, id — computed here, so both engines
/// rank alike. Without words, sorts run on the indexes over every match.</item>
/// <item>Facets count the matches of all filters, each dimension included (drill-down): a facet link narrows the search.</item>
/// </list>
/// </summary>
public sealed class ListingSearch(
    AppDbContext db, IListingSearchEngine engine, SearchCriteriaRules rules, INetwork network, IOptions<MarketplaceOptions> options)
{
    private const string Columns = """
        s."Id", s."ListingId", s."OwnerId", s."OrganizationId", s."Type", s."CategoryId", s."Country", s."Currency", s."Price",
        s."PriceBase", s."PostedAt", s."Highlighted", s."Title", s."Unit"
        """;

    public async Task<SearchResult> SearchAsync(SearchCriteria criteria, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var resolved = await rules.ResolveAsync(criteria, errors, cancellationToken);
        var (p, size) = Paging(page, pageSize, errors);
        errors.ThrowIfAny("marketplace.search_invalid", "Some search parameters are not valid.");
        return await RunAsync(resolved, p, size, cancellationToken);
    }

    /// <summary>Checks a page request: pages from 1, sizes within the limit, no deeper than the reachable results (MKT-07).</summary>
    public (int Page, int PageSize) Paging(int? page, int? pageSize, FieldErrors errors)
    {
        var o = options.Value;
        var p = page ?? 1;
        var size = pageSize ?? o.SearchPageSize;
        if (p < 1)
        {
            errors.Add("page", "Pages are numbered from 1.");
        }
        if (size < 1 || size > o.SearchMaxPageSize)
        {
            errors.Add("pageSize", $"Ask for 1 to {o.SearchMaxPageSize} results per page.");
        }
        else if (p >= 1 && (long)p * size > o.SearchMaxResults)
        {
            errors.Add("page", $"Only the first {o.SearchMaxResults} results can be paged through; narrow the search instead.");
        }
        return (p, size);
    }

    public async Task<SearchResult> RunAsync(ResolvedCriteria c, int page, int pageSize, CancellationToken cancellationToken)
    {
        var window = options.Value.SearchWindow;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            List<Row> rows;
            Counted counted;
            if (c.HasText)
            {
                // One read of the window answers the count, the facets and the page.
                var all = await ReadAsync(connection, Select(c, Columns, engine.RecentFirst, window, 0, text: true), cancellationToken);
                counted = Counted.From(all.Select(r => (r.Type, r.CategoryId, r.Country, 1L)), all.Count < window, window);
                rows = Sort(all, c).Skip((page - 1) * pageSize).Take(pageSize).ToList();
            }
            else
            {
                counted = c.MinPrice is null && c.MaxPrice is null && c.Since is null && c.AfterId is null
                    ? await CountAllAsync(connection, c, cancellationToken)
                    : await CountWindowAsync(connection, c, window, cancellationToken);
                rows = await ReadAsync(connection, Select(c, Columns, Order(c), pageSize, (page - 1) * pageSize, text: false), cancellationToken);
            }
            var owners = await network.CardsAsync(rows.Select(r => r.OwnerId).Distinct().ToList(), cancellationToken);
            var items = rows.Select(r => new SearchItem(r.ListingId, r.Type, r.Title, Money.ToAmount(r.Price), r.Currency, r.Unit, r.Country,
                r.PostedAt, owners.TryGetValue(r.OwnerId, out var o) ? new SearchOwner(o.Id, o.Handle, o.Name) : null,
                r.OrganizationId, r.CategoryId, r.Highlighted)).ToList();
            return new SearchResult(counted.Total, counted.Exact, items, counted.Facets, page, pageSize);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>MKT-04: the newest matches indexed after <paramref name="afterId"/>, newest first, with how many there are.</summary>
    public async Task<(long Count, IReadOnlyList<SearchItem> Newest)> NewMatchesAsync(
        ResolvedCriteria c, long afterId, int take, CancellationToken cancellationToken)
    {
        var result = await RunAsync(c with { AfterId = afterId, Sort = SearchSort.Newest }, 1, take, cancellationToken);
        return (result.Total, result.Items);
    }

    private static IEnumerable<Row> Sort(List<Row> rows, ResolvedCriteria c) => c.Sort switch
    {
        SearchSort.Newest => rows.OrderByDescending(r => r.PostedAt).ThenByDescending(r => r.Id),
        SearchSort.Price when c.Currency is not null => rows.OrderBy(r => r.Price).ThenBy(r => r.Id),
        SearchSort.PriceDesc when c.Currency is not null => rows.OrderByDescending(r => r.Price).ThenByDescending(r => r.Id),
        SearchSort.Price => rows.OrderBy(r => r.PriceBase is null).ThenBy(r => r.PriceBase).ThenBy(r => r.Id),
        SearchSort.PriceDesc => rows.OrderBy(r => r.PriceBase is null).ThenByDescending(r => r.PriceBase).ThenByDescending(r => r.Id),
        _ => rows.Select(r => (Row: r, Score: SearchText.TitleScore(c.Terms, r.Title)))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Row.Highlighted).ThenByDescending(x => x.Row.PostedAt)
            .ThenByDescending(x => x.Row.Id).Select(x => x.Row),
    };

    private static string Order(ResolvedCriteria c) => c.Sort switch
    {
        SearchSort.Price when c.Currency is not null => "s.\"Price\", s.\"Id\"",
        SearchSort.PriceDesc when c.Currency is not null => "s.\"Price\" DESC, s.\"Id\" DESC",
        SearchSort.Price => "s.\"PriceBase\" NULLS LAST, s.\"Id\"",
        SearchSort.PriceDesc => "s.\"PriceBase\" DESC NULLS LAST, s.\"Id\" DESC",
        _ => "s.\"PostedAt\" DESC, s.\"Id\" DESC",
    };

    private Command Select(ResolvedCriteria c, string columns, string order, int limit, int offset, bool text)
    {
        var command = new Command();
        var where = Where(c, command, text, Driving(c, text));
        command.Sql.Append(CultureInfo.InvariantCulture,
            $"SELECT {columns} FROM {engine.From(text)} WHERE {where} ORDER BY {order} LIMIT {command.Add(limit, DbType.Int32)} OFFSET {command.Add(offset, DbType.Int32)}");
        return command;
    }

    /// <summary>
    /// The columns whose index should drive a query; the planner is kept off the others' indexes, so a sort streams from
    /// its index and stops at the page instead of sorting every match of a filter. With words, the text index drives.
    /// </summary>
    private static string[] Driving(ResolvedCriteria c, bool text) => text
        ? []
        : c.Sort switch
        {
            SearchSort.Price or SearchSort.PriceDesc when c.Currency is not null => ["Currency", "Price"],
            SearchSort.Price or SearchSort.PriceDesc => ["PriceBase"],
            _ => ["Type", "CategoryId", "Country", "Currency", "PostedAt"],
        };

    private string Where(ResolvedCriteria c, Command command, bool text, string[] driving)
    {
        var conditions = new List<string>();
        string Col(string name) => driving.Contains(name) ? "s.\"" + name + "\"" : engine.Unindexed("s.\"" + name + "\"");
        if (text)
        {
            conditions.Add(engine.Match(command.Add(engine.Query(c.Terms), DbType.String)));
        }
        Dimensions(c, command, conditions, Col);
        if (c.MinPrice is { } min)
        {
            conditions.Add(Col(c.Currency is null ? "PriceBase" : "Price") + " >= " + command.Add(min, DbType.Int64));
        }
        if (c.MaxPrice is { } max)
        {
            conditions.Add(Col(c.Currency is null ? "PriceBase" : "Price") + " <= " + command.Add(max, DbType.Int64));
        }
        if (c.Since is { } since)
        {
            conditions.Add("s.\"PostedAt\" >= " + command.Add(since, DbType.DateTime));
        }
        if (c.AfterId is { } after)
        {
            conditions.Add("s.\"Id\" > " + command.Add(after, DbType.Int64));
        }
        return conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
    }

    /// <summary>The filters both the entries and the count table have.</summary>
    private static void Dimensions(ResolvedCriteria c, Command command, List<string> conditions, Func<string, string> column)
    {
        if (c.Type is { } type)
        {
            conditions.Add(column("Type") + " = " + command.Add((int)type, DbType.Int32));
        }
        if (c.Categories is { } categories)
        {
            // Ids come from the category table, never from the request's text.
            conditions.Add(column("CategoryId") + " IN (" + string.Join(", ", categories.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")");
        }
        if (c.Country is { } country)
        {
            conditions.Add(column("Country") + " = " + command.Add(country, DbType.StringFixedLength));
        }
        if (c.Currency is { } currency)
        {
            conditions.Add(column("Currency") + " = " + command.Add(currency, DbType.StringFixedLength));
        }
    }

    private static async Task<Counted> CountAllAsync(DbConnection connection, ResolvedCriteria c, CancellationToken cancellationToken)
    {
        var command = new Command();
        var conditions = new List<string> { "s.\"Count\" > 0" };
        Dimensions(c, command, conditions, name => "s.\"" + name + "\"");
        command.Sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT s."Type", s."CategoryId", s."Country", CAST(SUM(s."Count") AS BIGINT) FROM marketplace_listing_search_counts s
            WHERE {string.Join(" AND ", conditions)} GROUP BY s."Type", s."CategoryId", s."Country"
            """);
        return Counted.From(await GroupsAsync(connection, command, cancellationToken), exact: true, 0);
    }

    private async Task<Counted> CountWindowAsync(DbConnection connection, ResolvedCriteria c, int window, CancellationToken cancellationToken)
    {
        var command = new Command();
        // Newest first along the posting-day index, which covers every filter column: no table reads while counting.
        var where = Where(c, command, text: false, ["PostedAt"]);
        command.Sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT w."Type", w."CategoryId", w."Country", COUNT(*) FROM (
                SELECT s."Type", s."CategoryId", s."Country" FROM marketplace_listing_search s WHERE {where}
                ORDER BY s."PostedAt" DESC, s."Id" DESC LIMIT {command.Add(window, DbType.Int32)}) w
            GROUP BY w."Type", w."CategoryId", w."Country"
            """);
        var groups = await GroupsAsync(connection, command, cancellationToken);
        return Counted.From(groups, groups.Sum(g => g.Count) < window, window);
    }

    private static async Task<List<(ListingType, int, string, long Count)>> GroupsAsync(DbConnection connection, Command command, CancellationToken cancellationToken)
    {
        await using var cmd = command.Create(connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var groups = new List<(ListingType, int, string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(((ListingType)reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3)));
        }
        return groups;
    }

    private static async Task<List<Row>> ReadAsync(DbConnection connection, Command command, CancellationToken cancellationToken)
    {
        await using var cmd = command.Create(connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                (ListingType)reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6), reader.GetString(7), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9), DateTime.SpecifyKind(reader.GetDateTime(10), DateTimeKind.Utc),
                reader.GetBoolean(11), reader.GetString(12), reader.GetString(13)));
        }
        return rows;
    }

    private sealed record Row(
        long Id, Guid ListingId, Guid OwnerId, Guid? OrganizationId, ListingType Type, int CategoryId, string Country, string Currency,
        long Price, long? PriceBase, DateTime PostedAt, bool Highlighted, string Title, string Unit);

    private sealed record Counted(long Total, bool Exact, SearchFacets Facets)
    {
        public static Counted From(IEnumerable<(ListingType Type, int CategoryId, string Country, long Count)> groups, bool exact, int window)
        {
            var category = new SortedDictionary<int, long>();
            var country = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var type = new Dictionary<string, long> { ["offer"] = 0, ["request"] = 0 };
            long total = 0;
            foreach (var g in groups)
            {
                total += g.Count;
                category[g.CategoryId] = category.GetValueOrDefault(g.CategoryId) + g.Count;
                country[g.Country] = country.GetValueOrDefault(g.Country) + g.Count;
                type[g.Type == ListingType.Offer ? "offer" : "request"] += g.Count;
            }
            return new Counted(exact ? total : Math.Max(total, window), exact, new SearchFacets(category, country, type));
        }
    }

    /// <summary>SQL text with its parameters, bound by name on either engine.</summary>
    private sealed class Command
    {
        private readonly List<(string Name, object Value, DbType Type)> parameters = [];

        public StringBuilder Sql { get; } = new();

        public string Add(object value, DbType type)
        {
            var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value, type));
            return name;
        }

        public DbCommand Create(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = Sql.ToString();
            foreach (var (name, value, type) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.DbType = type;
                p.Value = value;
                command.Parameters.Add(p);
            }
            return command;
        }
    }
}

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

/// <summary>A match; <see cref="Organization"/> is the company a listing was posted for, <see cref="Owner"/> the member who posted it.</summary>
public sealed record SearchItem(
    Guid Id, ListingType Type, string Title, decimal Price, string Currency, string Unit, string Country, DateTime PostedAt,
    SearchOwner? Owner, Guid? OrganizationId, OrganizationCard? Organization, int CategoryId, bool Highlighted);

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

    /// <summary>
    /// A column as an expression no index serves, so the planner takes the index <see cref="ListingSearch"/> chose: the
    /// sort's, or the filters'. Where the planner chooses well from statistics of its own, the column as it is.
    /// </summary>
    string Unindexed(string column);
}

/// <summary>
/// A text index that yields its matches in table order, each visited before they can be sorted (PostgreSQL's GIN bitmap):
/// it also answers which block of entry ids an entry lies in, and the type, country and currency filters, so
/// the window of most recent matches is read block range by block range from the newest, each read costing only the
/// matches in its range that pass the filters.
/// </summary>
public interface IBlockedTextIndex
{
    /// <summary>How many low bits of an entry id its block spans.</summary>
    int BlockBits { get; }

    /// <summary>
    /// The index's query for entries in blocks <paramref name="from"/> up to (not including) <paramref name="to"/>, or in any
    /// block when <paramref name="from"/> is null, that pass the filters it holds; empty when that asks for nothing.
    /// </summary>
    string Tags(ResolvedCriteria c, long? from, long to);

    /// <summary>The condition that the entry matches the parameter's <see cref="Tags"/> query.</summary>
    string HasTags(string parameter);
}

internal sealed class SqliteListingSearchEngine : IListingSearchEngine
{
    public string From(bool text) => text
        ? "marketplace_listing_search_fts JOIN marketplace_listing_search s ON s.\"Id\" = marketplace_listing_search_fts.rowid"
        : "marketplace_listing_search s";

    public string Match(string parameter) => "marketplace_listing_search_fts MATCH " + parameter;

    // FTS5 yields matches in rowid order, newest first here, and stops when the window is full.
    public string RecentFirst => "marketplace_listing_search_fts.rowid DESC";

    // Each term quoted (its words hold only letters and digits): "spruce" "kiln dried"
    public string Query(IReadOnlyList<SearchTerm> terms) =>
        string.Join(' ', terms.Select(t => "\"" + string.Join(' ', t.Words) + "\""));

    // A unary plus keeps SQLite from choosing that column's index, for a filter and for an order alike.
    public string Unindexed(string column) => "+" + column;
}

public sealed class PostgresListingSearchEngine : IListingSearchEngine, IBlockedTextIndex
{
    /// <summary>
    /// 4,096 entries a block: a common word fills the window within a few blocks. The <c>"Tags"</c> vector of migration
    /// <c>SearchBlocks</c> holds <c>b</c> and the id shifted by this many bits, and <c>g</c> and the id shifted by
    /// <see cref="GroupBits"/>: the GIN index's cost grows with the terms of a query, so a range is asked for in groups
    /// of 16 blocks where it can.
    /// </summary>
    public const int BlockBits = 12;

    public const int GroupBits = 16;

    private const long BlocksAGroup = 1L << (GroupBits - BlockBits);

    private const string Vector = "s.\"Words\"";

    int IBlockedTextIndex.BlockBits => BlockBits;

    public string From(bool text) => "marketplace_listing_search s";

    // A query parsed in a subquery is parsed once; in the condition itself, again for every row the bitmap rechecks.
    public string Match(string parameter) => Vector + " @@ (SELECT to_tsquery('simple', " + parameter + "))";

    // The matches come from the GIN bitmap of a block range: an expression in the order keeps the planner off walking the
    // key, which reads every entry of a range until enough pass.
    public string RecentFirst => "s.\"Id\" + 0 DESC";

    // Hidden terms of a vector no word query reaches: b<block>, g<group of blocks>, t<type>, c<country>, m<currency>. A category
    // subtree would be an either-or of a term per category, which cost the index about what the table visits it saved.
    public string Tags(ResolvedCriteria c, long? from, long to)
    {
        var all = new List<string>();
        if (from is { } first)
        {
            var blocks = new List<string>();
            for (var b = first; b < to;)
            {
                var group = b % BlocksAGroup == 0 && b + BlocksAGroup <= to;
                blocks.Add(group ? "g" + (b / BlocksAGroup).ToString(CultureInfo.InvariantCulture) : "b" + b.ToString(CultureInfo.InvariantCulture));
                b += group ? BlocksAGroup : 1;
            }
            all.Add("(" + string.Join(" | ", blocks) + ")");
        }
        if (c.Type is { } type)
        {
            all.Add("t" + ((int)type).ToString(CultureInfo.InvariantCulture));
        }
        if (c.Country is { } country)
        {
            all.Add("c" + country.ToLowerInvariant());
        }
        if (c.Currency is { } currency)
        {
            all.Add("m" + currency.ToLowerInvariant());
        }
        return string.Join(" & ", all);
    }

    public string HasTags(string parameter) => "s.\"Tags\" @@ (SELECT CAST(" + parameter + " AS tsquery))";

    // The words are folded as the vector's text was (migration SearchFolding).
    public string Query(IReadOnlyList<SearchTerm> terms) =>
        string.Join(" & ", terms.Select(t => "(" + string.Join(" <-> ", t.Words.Select(SearchText.FoldLatin)) + ")"));

    // PostgreSQL plans from column statistics, which a wrapped column would lose (it then takes every filter for a rare
    // one and sorts); with every walked index covering the filters, its own choice is the right one.
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
/// rank alike. The window is read narrow (what counting and sorting need); the page's rows are read by key afterwards.</item>
/// <item>Without words, sorts run on the indexes over every match. Which index drives is chosen here from the exact counts
/// where the engine keeps no statistics (SQLite): walking the sort's index costs about the rows needed times the share of
/// listings that match, reading the filters' matches and sorting them costs about the matches.</item>
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

    /// <summary>Every column a window read's filters test or its sorts read.</summary>
    private const string WindowColumns = """
        s."Id", s."Type", s."CategoryId", s."Country", s."Currency", s."Price", s."PriceBase", s."PostedAt", s."Highlighted", s."Title"
        """;

    /// <summary>
    /// How many index entries a walk may read for each match a filter-driven plan reads: the latter looks each match up
    /// in the table and sorts it, the former only steps along a covering index (measured on SQLite over a million
    /// listings: a table lookup costs 15 to 25 steps).
    /// </summary>
    private const long LookupCostInIndexSteps = 16;

    /// <summary>
    /// Blocks a window read starts with on a <see cref="IBlockedTextIndex"/>: 16,384 entries, where a word in one listing of
    /// sixteen fills a window of 1,000 at once.
    /// </summary>
    private const long FirstBlocks = 4;

    /// <summary>Past this many blocks a range query grows long, and the matches of every older block are read at once.</summary>
    private const long MaxBlocksARead = 64;

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
        var offset = (page - 1) * pageSize;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            List<Row> rows;
            Counted counted;
            if (c.HasText)
            {
                // One narrow read of the window answers the count, the facets and the page's keys.
                var hits = await HitsAsync(connection, c, window, cancellationToken);
                counted = Counted.From(Tally.Of(hits), hits.Count < window, window);
                rows = await RowsAsync(connection, Sort(hits, c).Skip(offset).Take(pageSize).Select(h => h.Id).ToList(), cancellationToken);
            }
            else
            {
                var dimensions = await DimensionsAsync(connection, c, cancellationToken);
                List<long>? ids = null;
                if (c.MinPrice is null && c.MaxPrice is null && c.Since is null && c.AfterId is null)
                {
                    counted = Counted.From(dimensions.Tallies, exact: true, 0);
                }
                else
                {
                    // The window is the newest matches: a newest-first page within it is a slice of it, read in the same walk.
                    var slice = c.Sort is SearchSort.Relevance or SearchSort.Newest && offset + pageSize <= window ? (offset, pageSize) : ((int, int)?)null;
                    (counted, ids) = await CountWindowAsync(connection, c, window, dimensions.Walk(window) ? ["PostedAt"] : dimensions.Driver, slice, cancellationToken);
                }
                ids ??= await ReadAsync(connection, Select(c, pageSize, offset, dimensions.Walk(offset + pageSize) ? SortColumns(c) : dimensions.Driver),
                    r => r.GetInt64(0), cancellationToken);
                rows = await RowsAsync(connection, ids, cancellationToken);
            }
            var owners = await network.CardsAsync(rows.Select(r => r.OwnerId).Distinct().ToList(), cancellationToken);
            var organizations = await network.OrganizationCardsAsync(
                rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList(), cancellationToken);
            var items = rows.Select(r => new SearchItem(r.ListingId, r.Type, r.Title, Money.ToAmount(r.Price), r.Currency, r.Unit, r.Country,
                r.PostedAt, owners.TryGetValue(r.OwnerId, out var o) ? new SearchOwner(o.Id, o.Handle, o.Name) : null,
                r.OrganizationId, r.OrganizationId is { } org ? organizations.GetValueOrDefault(org) : null, r.CategoryId, r.Highlighted)).ToList();
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

    private static IEnumerable<Hit> Sort(List<Hit> hits, ResolvedCriteria c)
    {
        switch (c.Sort)
        {
            case SearchSort.Newest:
                return hits.OrderByDescending(h => h.PostedAt).ThenByDescending(h => h.Id);
            case SearchSort.Price when c.Currency is not null:
                return hits.OrderBy(h => h.Price).ThenBy(h => h.Id);
            case SearchSort.PriceDesc when c.Currency is not null:
                return hits.OrderByDescending(h => h.Price).ThenByDescending(h => h.Id);
            case SearchSort.Price:
                return hits.OrderBy(h => h.PriceBase is null).ThenBy(h => h.PriceBase).ThenBy(h => h.Id);
            case SearchSort.PriceDesc:
                return hits.OrderBy(h => h.PriceBase is null).ThenByDescending(h => h.PriceBase).ThenByDescending(h => h.Id);
            default:
                var terms = SearchText.FoldTerms(c.Terms);
                return hits.Select(h => (Hit: h, Score: SearchText.TitleScore(terms, h.Title!)))
                    .OrderByDescending(x => x.Score).ThenByDescending(x => x.Hit.Highlighted).ThenByDescending(x => x.Hit.PostedAt)
                    .ThenByDescending(x => x.Hit.Id).Select(x => x.Hit);
        }
    }

    /// <summary>The index columns a sort walks, in the order the index holds them.</summary>
    private static string[] SortColumns(ResolvedCriteria c) => c.Sort switch
    {
        SearchSort.Price or SearchSort.PriceDesc when c.Currency is not null => ["Currency", "Price"],
        SearchSort.Price or SearchSort.PriceDesc => ["PriceBase"],
        _ => ["PostedAt"],
    };

    private static string Order(ResolvedCriteria c, Func<string, string> column) => c.Sort switch
    {
        SearchSort.Price when c.Currency is not null => $"{column("Price")}, s.\"Id\"",
        SearchSort.PriceDesc when c.Currency is not null => $"{column("Price")} DESC, s.\"Id\" DESC",
        SearchSort.Price => $"{column("PriceBase")} NULLS LAST, s.\"Id\"",
        SearchSort.PriceDesc => $"{column("PriceBase")} DESC NULLS LAST, s.\"Id\" DESC",
        _ => $"{column("PostedAt")} DESC, s.\"Id\" DESC",
    };

    /// <summary>
    /// The keys of a page of matches without words, along the index of <paramref name="driving"/>'s columns: walking an
    /// index that covers every filter, the skipped matches cost no table reads.
    /// </summary>
    private Command Select(ResolvedCriteria c, int limit, int offset, string[] driving)
    {
        var command = new Command();
        var column = Column(driving);
        command.Sql.Append(CultureInfo.InvariantCulture,
            $"SELECT s.\"Id\" FROM {engine.From(false)} WHERE {Where(c, command, false, column)} ORDER BY {Order(c, column)} LIMIT {command.Add(limit, DbType.Int32)} OFFSET {command.Add(offset, DbType.Int32)}");
        return command;
    }

    /// <summary>
    /// The <paramref name="window"/> most recent matches of words and filters, narrow: the text index drives, every filter
    /// is checked on its rows. An index that yields matches in table order is read by block ranges from the newest: the
    /// first few blocks, then as many as the matches found so far say the rest of the window needs, and every older block
    /// at once when that range grows past <see cref="MaxBlocksARead"/>.
    /// </summary>
    private async Task<List<Hit>> HitsAsync(DbConnection connection, ResolvedCriteria c, int window, CancellationToken cancellationToken)
    {
        if (engine is not IBlockedTextIndex blocked)
        {
            return await HitsInAsync(connection, c, window, null, cancellationToken);
        }
        var last = new Command();
        last.Sql.Append("SELECT MAX(\"Id\") FROM marketplace_listing_search");
        var newest = (await ReadAsync(connection, last, r => r.IsDBNull(0) ? -1 : r.GetInt64(0), cancellationToken))[0];
        var lowest = c.AfterId is { } after ? (after + 1) >> blocked.BlockBits : 0;
        var end = (newest >> blocked.BlockBits) + 1;
        var top = end;
        var hits = new List<Hit>();
        var span = FirstBlocks;
        while (hits.Count < window && top > lowest)
        {
            var from = Math.Max(lowest, top - span);
            var all = top - from > MaxBlocksARead;
            hits.AddRange(await HitsInAsync(connection, c, window - hits.Count, (blocked, all ? null : from, top), cancellationToken));
            if (all)
            {
                break;
            }
            // The density of matches so far sizes the next range, with a quarter to spare, and at least as many blocks as were
            // read (so older, sparser matches take few reads); none yet, four times the blocks read.
            var read = end - from;
            var needed = (window - hits.Count) * read / Math.Max(1, hits.Count);
            span = hits.Count == 0 ? 4 * read : Math.Max(read, needed + needed / 4 + 1);
            top = from;
        }
        return hits;
    }

    /// <summary>
    /// The most recent matches of words and filters; within blocks [from, top) of a <see cref="IBlockedTextIndex"/> when
    /// given, every block below top when from is null.
    /// </summary>
    private async Task<List<Hit>> HitsInAsync(
        DbConnection connection, ResolvedCriteria c, int limit, (IBlockedTextIndex Index, long? From, long Top)? blocks, CancellationToken cancellationToken)
    {
        var command = new Command();
        var from = engine.From(true);
        if (blocks is var (index, first, top))
        {
            // The index answers the words, the blocks and the filters it holds; the rest are checked on the rows it finds.
            // The subquery (OFFSET 0 keeps it whole) leaves the planner no other index to combine with it.
            var conditions = new List<string> { engine.Match(command.Add(engine.Query(c.Terms), DbType.String)) };
            var tags = index.Tags(c, first, top);
            if (tags.Length > 0)
            {
                conditions.Add(index.HasTags(command.Add(tags, DbType.String)));
            }
            if (first is null)
            {
                conditions.Add("s.\"Id\" < " + command.Add(top << index.BlockBits, DbType.Int64));
            }
            from = $"(SELECT {WindowColumns} FROM {from} WHERE {string.Join(" AND ", conditions)} OFFSET 0) s";
        }
        var (columns, read) = HitShape(c);
        command.Sql.Append(CultureInfo.InvariantCulture,
            $"SELECT {columns} FROM {from} WHERE {Where(c, command, blocks is null, Column([]))} ORDER BY {engine.RecentFirst} LIMIT {command.Add(limit, DbType.Int32)}");
        return await ReadAsync(connection, command, read, cancellationToken);
    }

    /// <summary>
    /// What counting a window reads (the key and the facets' dimensions) and what its sort reads, with how a row becomes a
    /// hit: a column read costs each of the window's thousand rows a call into the engine.
    /// </summary>
    private static (string Columns, Func<DbDataReader, Hit> Read) HitShape(ResolvedCriteria c)
    {
        const string counted = "s.\"Id\", s.\"Type\", s.\"CategoryId\", s.\"Country\", ";
        static Hit Counted(DbDataReader r) => new(r.GetInt64(0), (ListingType)r.GetInt32(1), r.GetInt32(2), r.GetString(3));
        return c.Sort switch
        {
            SearchSort.Price or SearchSort.PriceDesc when c.Currency is null =>
                (counted + "s.\"PriceBase\"", r => Counted(r) with { PriceBase = r.IsDBNull(4) ? null : r.GetInt64(4) }),
            SearchSort.Price or SearchSort.PriceDesc => (counted + "s.\"Price\"", r => Counted(r) with { Price = r.GetInt64(4) }),
            SearchSort.Newest => (counted + "s.\"PostedAt\"", r => Counted(r) with { PostedAt = DbTime.Read(r, 4) }),
            _ => (counted + "s.\"PostedAt\", s.\"Highlighted\", s.\"Title\"",
                r => Counted(r) with { PostedAt = DbTime.Read(r, 4), Highlighted = r.GetBoolean(5), Title = r.GetString(6) }),
        };
    }

    /// <summary>The rows of <paramref name="ids"/>, in that order.</summary>
    private static async Task<List<Row>> RowsAsync(DbConnection connection, List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var command = new Command();
        // The keys come from the index table itself, never from the request's text.
        command.Sql.Append(CultureInfo.InvariantCulture,
            $"SELECT {Columns} FROM marketplace_listing_search s WHERE s.\"Id\" IN ({string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})");
        var rows = (await ReadAsync(connection, command, ReadRow, cancellationToken)).ToDictionary(r => r.Id);
        // An entry removed between the two reads is left out.
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private Func<string, string> Column(string[] driving) =>
        name => driving.Contains(name) ? "s.\"" + name + "\"" : engine.Unindexed("s.\"" + name + "\"");

    private string Where(ResolvedCriteria c, Command command, bool text, Func<string, string> column)
    {
        var conditions = new List<string>();
        if (text)
        {
            conditions.Add(engine.Match(command.Add(engine.Query(c.Terms), DbType.String)));
        }
        conditions.AddRange(Filters(c, command, column).Select(f => f.Condition));
        if (c.MinPrice is { } min)
        {
            conditions.Add(column(c.Currency is null ? "PriceBase" : "Price") + " >= " + command.Add(min, DbType.Int64));
        }
        if (c.MaxPrice is { } max)
        {
            conditions.Add(column(c.Currency is null ? "PriceBase" : "Price") + " <= " + command.Add(max, DbType.Int64));
        }
        if (c.Since is { } since)
        {
            conditions.Add(column("PostedAt") + " >= " + command.Add(since, DbType.DateTime));
        }
        if (c.AfterId is { } after)
        {
            conditions.Add("s.\"Id\" > " + command.Add(after, DbType.Int64));
        }
        return conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
    }

    /// <summary>The filters both the entries and the count table have, each with the column it tests.</summary>
    private static List<(string Column, string Condition)> Filters(ResolvedCriteria c, Command command, Func<string, string> column)
    {
        var filters = new List<(string, string)>();
        if (c.Type is { } type)
        {
            filters.Add(("Type", column("Type") + " = " + command.Add((int)type, DbType.Int32)));
        }
        if (c.Categories is { } categories)
        {
            // Ids come from the category table, never from the request's text.
            filters.Add(("CategoryId", column("CategoryId") + " IN (" + string.Join(", ", categories.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")"));
        }
        if (c.Country is { } country)
        {
            filters.Add(("Country", column("Country") + " = " + Fixed(command.Add(country, DbType.StringFixedLength), 2)));
        }
        if (c.Currency is { } currency)
        {
            filters.Add(("Currency", column("Currency") + " = " + Fixed(command.Add(currency, DbType.StringFixedLength), 3)));
        }
        return filters;
    }

    /// <summary>
    /// A parameter as the fixed-length text of the code columns: PostgreSQL receives string parameters as <c>text</c>,
    /// and comparing a <c>char(n)</c> column with text converts the column — no index on it could serve the filter.
    /// SQLite reads the cast as text affinity, a no-op.
    /// </summary>
    private static string Fixed(string parameter, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"CAST({parameter} AS CHAR({length}))");

    /// <summary>
    /// Matches per category, per country and per type of the rows <paramref name="from"/> names <c>s</c>, one query: rows
    /// of (dimension, number key, text key, count), <see cref="Tally"/>'s shape.
    /// </summary>
    private static string TallySql(string from, string where, string count) => $"""
        SELECT {Tally.Category}, s."CategoryId", '', {count} FROM {from} WHERE {where} GROUP BY s."CategoryId"
        UNION ALL SELECT {Tally.Country}, 0, s."Country", {count} FROM {from} WHERE {where} GROUP BY s."Country"
        UNION ALL SELECT {Tally.Type}, s."Type", '', {count} FROM {from} WHERE {where} GROUP BY s."Type"
        """;

    /// <summary>
    /// From the count table: the facets of the type, category, country and currency filters, the entries of the whole
    /// index, and each filter's matches alone — which filter's index would read the fewest rows. Two passes over the
    /// table: its rows that match every filter (counted per dimension), and all of its rows.
    /// </summary>
    private static async Task<DimensionCounts> DimensionsAsync(DbConnection connection, ResolvedCriteria c, CancellationToken cancellationToken)
    {
        var command = new Command();
        var filters = Filters(c, command, name => "s.\"" + name + "\"");
        // With one filter its matches alone are the matches: only two or more need a sum each.
        var sums = filters.Count > 1 ? filters.Count : 0;
        var alone = filters.Take(sums).Select((f, i) => $", SUM(CASE WHEN {f.Condition} THEN s.\"Count\" ELSE 0 END) AS a{i}");
        command.Sql.Append(CultureInfo.InvariantCulture, $"""
            WITH m AS MATERIALIZED (
                SELECT s."Type", s."CategoryId", s."Country", s."Count" FROM marketplace_listing_search_counts s
                WHERE {string.Join(" AND ", filters.Select(f => f.Condition).Prepend("s.\"Count\" > 0"))}),
            a AS MATERIALIZED (SELECT SUM(s."Count") AS e{string.Concat(alone)} FROM marketplace_listing_search_counts s)
            {TallySql("m s", "1 = 1", "CAST(SUM(s.\"Count\") AS BIGINT)")}
            UNION ALL SELECT {DimensionCounts.Entries}, 0, '', COALESCE(CAST(e AS BIGINT), 0) FROM a
            """);
        for (var i = 0; i < sums; i++)
        {
            command.Sql.Append(CultureInfo.InvariantCulture,
                $"\nUNION ALL SELECT {DimensionCounts.Alone}, {i}, '', COALESCE(CAST(a{i} AS BIGINT), 0) FROM a");
        }
        var rows = await TalliesAsync(connection, command, cancellationToken);
        var tallies = rows.Where(r => r.Dimension < DimensionCounts.Entries).ToList();
        var entries = rows.Single(r => r.Dimension == DimensionCounts.Entries).Count;
        if (filters.Count == 0)
        {
            return new DimensionCounts(tallies, entries, [], entries);
        }
        var matches = filters.Count == 1
            ? new Dictionary<int, long> { [0] = Tally.Matches(tallies) }
            : rows.Where(r => r.Dimension == DimensionCounts.Alone).ToDictionary(r => r.Key, r => r.Count);
        // A filter's index costs a table lookup for each of its matches; a price range in a currency reads the range of the
        // covering price index instead, at most the currency's entries, a step each.
        var ranged = c.MinPrice is not null || c.MaxPrice is not null;
        bool PriceRange(int i) => ranged && filters[i].Column == "Currency";
        long Cost(int i) => PriceRange(i) ? matches[i] : LookupCostInIndexSteps * matches[i];
        var fewest = Enumerable.Range(0, filters.Count).MinBy(Cost);
        return new DimensionCounts(tallies, entries, PriceRange(fewest) ? ["Currency", "Price"] : [filters[fewest].Column], Cost(fewest));
    }

    /// <summary>
    /// Facets over the <paramref name="window"/> most recent matches, along the index of <paramref name="driving"/>'s columns,
    /// and the keys of the <paramref name="slice"/> of them when asked.
    /// </summary>
    private async Task<(Counted Counted, List<long>? Slice)> CountWindowAsync(
        DbConnection connection, ResolvedCriteria c, int window, string[] driving, (int Offset, int Count)? slice, CancellationToken cancellationToken)
    {
        var command = new Command();
        var column = Column(driving);
        // Walking newest first, the posting-day index covers every filter column: no table rows are read while counting.
        // Materialized: the walk is done once for every dimension and the slice.
        command.Sql.Append(CultureInfo.InvariantCulture, $"""
            WITH w AS MATERIALIZED (
                SELECT s."Id", s."Type", s."CategoryId", s."Country", s."PostedAt" FROM marketplace_listing_search s WHERE {Where(c, command, false, column)}
                ORDER BY {column("PostedAt")} DESC, s."Id" DESC LIMIT {command.Add(window, DbType.Int32)})
            {TallySql("w s", "1 = 1", "CAST(COUNT(*) AS BIGINT)")}
            """);
        if (slice is var (offset, count))
        {
            // The slice's keys in the tally's shape: the position as the key, the entry id as the count.
            command.Sql.Append(CultureInfo.InvariantCulture, $"""

                UNION ALL SELECT * FROM (
                    SELECT {Tally.Slice}, CAST(ROW_NUMBER() OVER (ORDER BY s."PostedAt" DESC, s."Id" DESC) AS INTEGER), '', s."Id" FROM w s
                    ORDER BY s."PostedAt" DESC, s."Id" DESC LIMIT {command.Add(count, DbType.Int32)} OFFSET {command.Add(offset, DbType.Int32)}) p
                """);
        }
        var rows = await TalliesAsync(connection, command, cancellationToken);
        var tallies = rows.Where(r => r.Dimension != Tally.Slice).ToList();
        var total = Tally.Matches(tallies);
        var keys = slice is null ? null : rows.Where(r => r.Dimension == Tally.Slice).OrderBy(r => r.Key).Select(r => r.Count).ToList();
        return (Counted.From(tallies, total < window, window), keys);
    }

    private static async Task<List<Tally>> TalliesAsync(DbConnection connection, Command command, CancellationToken cancellationToken) =>
        await ReadAsync(connection, command, r => new Tally(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3)), cancellationToken);

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, Command command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var cmd = command.Create(connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static Row ReadRow(DbDataReader r) => new(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.IsDBNull(3) ? null : r.GetGuid(3),
        (ListingType)r.GetInt32(4), r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetInt64(8),
        r.IsDBNull(9) ? null : r.GetInt64(9), DbTime.Read(r, 10),
        r.GetBoolean(11), r.GetString(12), r.GetString(13));

    private sealed record Row(
        long Id, Guid ListingId, Guid OwnerId, Guid? OrganizationId, ListingType Type, int CategoryId, string Country, string Currency,
        long Price, long? PriceBase, DateTime PostedAt, bool Highlighted, string Title, string Unit);

    /// <summary>
    /// A match as counting and sorting a window see it (a value: a window holds a thousand); of the sort keys, only those of
    /// the search's sort are read.
    /// </summary>
    private readonly record struct Hit(long Id, ListingType Type, int CategoryId, string Country)
    {
        public long Price { get; init; }

        public long? PriceBase { get; init; }

        public DateTime PostedAt { get; init; }

        public bool Highlighted { get; init; }

        public string? Title { get; init; }
    }

    /// <summary>Matches of one value of one dimension: a category (<see cref="Key"/>), a country (<see cref="Text"/>) or a type (<see cref="Key"/>).</summary>
    private sealed record Tally(int Dimension, int Key, string Text, long Count)
    {
        public const int Category = 0;
        public const int Country = 1;
        public const int Type = 2;

        /// <summary>Not a count: a window's slice, <see cref="Key"/> its position and <see cref="Count"/> its entry id.</summary>
        public const int Slice = 5;

        /// <summary>Every match has one type: the type counts add up to the matches.</summary>
        public static long Matches(IEnumerable<Tally> tallies) => tallies.Where(t => t.Dimension == Type).Sum(t => t.Count);

        public static IEnumerable<Tally> Of(List<Hit> hits) =>
            hits.CountBy(h => h.CategoryId).Select(g => new Tally(Category, g.Key, "", g.Value))
                .Concat(hits.CountBy(h => h.Country).Select(g => new Tally(Country, 0, g.Key, g.Value)))
                .Concat(hits.CountBy(h => h.Type).Select(g => new Tally(Type, (int)g.Key, "", g.Value)));
    }

    /// <summary>The count table's answer for the filters: the facets, the entries of the whole index, and the index to read few matches by.</summary>
    private sealed record DimensionCounts(List<Tally> Tallies, long EntryCount, string[] Driver, long DriverCost)
    {
        public const int Entries = 3;
        public const int Alone = 4;

        private long Matches => Tally.Matches(Tallies);

        /// <summary>
        /// Whether finding <paramref name="needed"/> matches costs less walking a sort index — about needed × entries ÷
        /// matches steps — than reading the driving filter's matches through its index (<see cref="DriverCost"/> steps)
        /// and sorting those that pass the rest.
        /// </summary>
        public bool Walk(int needed) => Matches > 0 && (Driver.Length == 0 || needed * EntryCount < DriverCost * Matches);
    }

    private sealed record Counted(long Total, bool Exact, SearchFacets Facets)
    {
        public static Counted From(IEnumerable<Tally> tallies, bool exact, int window)
        {
            var category = new SortedDictionary<int, long>();
            var country = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var type = new Dictionary<string, long> { ["offer"] = 0, ["request"] = 0 };
            foreach (var t in tallies)
            {
                switch (t.Dimension)
                {
                    case Tally.Category:
                        category[t.Key] = t.Count;
                        break;
                    case Tally.Country:
                        country[t.Text] = t.Count;
                        break;
                    default:
                        type[(ListingType)t.Key == ListingType.Offer ? "offer" : "request"] = t.Count;
                        break;
                }
            }
            var total = type.Values.Sum();
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

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

/// <summary>MKT-02: reading the window of matches, filtering and counting them (<see cref="ListingSearch"/>).</summary>
public sealed partial class ListingSearch
{
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
}

using NpgsqlTypes;

namespace Tradehall.Bench;

/// <summary>
/// The search peer a plain implementation on PostgreSQL would be: the benchmark's own copy of the active entries of
/// <c>marketplace_listing_search</c> with a stored <c>tsvector</c> over title and description (the <c>russian</c>
/// configuration, which stems Cyrillic words with the Russian and Latin ones with the English Snowball stemmer), a GIN
/// index on it and B-tree indexes on the filter and sort columns; each search is one round trip of two statements on a
/// pooled connection: the page (ORDER BY the sort, LIMIT/OFFSET) and, in one pass over the matches, the exact total and
/// the exact facet counts by category, country and type (GROUP BY GROUPING SETS).
/// </summary>
internal sealed class PlainPostgresSearch(NpgsqlDataSource source)
{
    private const string Table = "bench_plain_search";
    private const string Match = "websearch_to_tsquery('russian', @q)";

    /// <summary>Builds the copy and its indexes in the database of <paramref name="source"/>.</summary>
    public static async Task<PlainPostgresSearch> CreateAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Codes as text: a text parameter against char(n) would cast the column and leave its index unused.
        string[] statements =
        [
            $"DROP TABLE IF EXISTS {Table}",
            $"""
            CREATE TABLE {Table} AS SELECT "Id" AS id, "Type" AS type, "CategoryId" AS category, "Country"::text AS country,
                "Currency"::text AS currency, "Price" AS price, "PriceBase" AS price_base, "PostedAt" AS posted_at, "Title" AS title,
                to_tsvector('russian', "Title" || ' ' || "Description") AS words
            FROM marketplace_listing_search
            """,
            $"ALTER TABLE {Table} ADD PRIMARY KEY (id)",
            $"CREATE INDEX {Table}_words ON {Table} USING gin (words)",
            $"CREATE INDEX {Table}_posted ON {Table} (posted_at, id)",
            $"CREATE INDEX {Table}_category ON {Table} (category, posted_at)",
            $"CREATE INDEX {Table}_country ON {Table} (country, posted_at)",
            $"CREATE INDEX {Table}_price ON {Table} (currency, price, id)",
            $"CREATE INDEX {Table}_price_base ON {Table} (price_base, id)",
            $"VACUUM ANALYZE {Table}",
        ];
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"search: pg_plain: {Table} with its tsvector, GIN and B-tree indexes built in {clock.Elapsed.TotalSeconds:F1} s"));
        return new PlainPostgresSearch(source);
    }

    /// <summary>Runs <paramref name="q"/>, reading every row of the page and of the counts; the exact total, or -1 if none came.</summary>
    public async ValueTask<long> SearchAsync(MixQuery q, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Where(q, parameters);
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var page = new NpgsqlBatchCommand($"""
            SELECT id, type, category, country, currency, price, price_base, posted_at, title FROM {Table}
            {where} ORDER BY {OrderBy(q)} LIMIT {q.PageSize} OFFSET {q.Offset}
            """);
        var counts = new NpgsqlBatchCommand($"""
            SELECT category, country, type, count(*) FROM {Table} {where}
            GROUP BY GROUPING SETS ((category), (country), (type), ())
            """);
        foreach (var p in parameters)
        {
            page.Parameters.Add(p.Clone());
            counts.Parameters.Add(p.Clone());
        }
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(counts);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        long total = -1;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.FieldCount == 4 && reader.IsDBNull(0) && reader.IsDBNull(1) && reader.IsDBNull(2))
                {
                    total = reader.GetInt64(3);
                }
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return total;
    }

    private static string Where(MixQuery q, List<NpgsqlParameter> parameters)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object value, NpgsqlDbType type)
        {
            conditions.Add(condition);
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }
        if (q.HasText)
        {
            Add($"words @@ {Match}", "q", q.Text!, NpgsqlDbType.Text);
        }
        if (q.Type is { } type)
        {
            Add("type = @type", "type", (int)type, NpgsqlDbType.Integer);
        }
        if (q.Subtree is { } subtree)
        {
            Add("category = ANY(@categories)", "categories", subtree.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
        }
        if (q.Country is { } country)
        {
            Add("country = @country", "country", country, NpgsqlDbType.Text);
        }
        if (q.Currency is { } currency)
        {
            Add("currency = @currency", "currency", currency, NpgsqlDbType.Text);
        }
        var price = q.Currency is null ? "price_base" : "price";
        if (q.MinPrice is { } min)
        {
            Add($"{price} >= @min", "min", min, NpgsqlDbType.Bigint);
        }
        if (q.MaxPrice is { } max)
        {
            Add($"{price} <= @max", "max", max, NpgsqlDbType.Bigint);
        }
        if (q.Since is { } since)
        {
            Add("posted_at >= @since", "since", since, NpgsqlDbType.TimestampTz);
        }
        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }

    private static string OrderBy(MixQuery q) => q.Sort switch
    {
        MixSort.Relevance when q.HasText => $"ts_rank(words, {Match}) DESC, posted_at DESC, id DESC",
        MixSort.Price when q.Currency is not null => "price, id",
        MixSort.PriceDesc when q.Currency is not null => "price DESC, id DESC",
        MixSort.Price => "price_base NULLS LAST, id",
        MixSort.PriceDesc => "price_base DESC NULLS LAST, id DESC",
        _ => "posted_at DESC, id DESC",
    };
}

using System.Data.Common;

namespace Tradehall.Bench;

/// <summary>
/// MKT-02 under load: a demo market of <c>--listings</c> listings (the loader of <c>tradehall demo seed --listings</c>)
/// on SQLite and on PostgreSQL, the real site on a loopback port for each, searched through
/// <c>GET /api/v1/listings/search</c> by an open loop (<see cref="OpenLoop"/>) with a fixed mix (<see cref="SearchMix"/>);
/// an engine's figure is its capacity, the highest arrival rate whose p95 stays within 50 ms
/// (<see cref="CapacitySearch"/>), and the CPU each answered search cost at that rate. Beside it, in the same run on the
/// same data with the same mix, harness and rule, two peers: a plain PostgreSQL full-text search with exact GROUP BY
/// facets (<see cref="PlainPostgresSearch"/>) and Lucene.NET with its facet module in this process (<see cref="LuceneSearch"/>).
/// </summary>
internal static class SearchBenchmark
{
    /// <summary>The engines in the order of the last line.</summary>
    private static readonly string[] Engines = ["sqlite", "postgres", "pg_plain", "lucene"];

    /// <summary>The engines served by the site, whose latencies at capacity the last line gives too.</summary>
    private static readonly string[] SiteEngines = ["sqlite", "postgres"];

    /// <summary>The engines whose CPU has a database server's share.</summary>
    private static readonly string[] ServerEngines = ["postgres", "pg_plain"];

    public static Command Command()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL server connection string; a fresh database is created on it. Without it only SQLite and Lucene run." };
        var listings = new Option<int>("--listings") { Description = "Listings in the market.", DefaultValueFactory = _ => 1_000_000 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds of each rate step.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of searches before an engine's first step, not counted.", DefaultValueFactory = _ => 10 };
        var stepWarmup = new Option<int>("--step-warmup") { Description = "Seconds at a step's rate before its window, not counted.", DefaultValueFactory = _ => 2 };
        var connections = new Option<int>("--connections") { Description = "Searches in flight at most: HTTP keep-alive connections, pooled database connections.", DefaultValueFactory = _ => 64 };
        var maxRate = new Option<int>("--max-rate") { Description = "The highest arrival rate tried, searches a second.", DefaultValueFactory = _ => 16_000 };
        var refine = new Option<int>("--refine") { Description = "Bisection steps between the last passing and the first failing rate.", DefaultValueFactory = _ => 2 };
        var retries = new Option<int>("--retries") { Description = "Times a failing rate of the ladder is tried again before it counts as failed.", DefaultValueFactory = _ => 1 };
        var engines = new Option<string>("--engines") { Description = "Which of sqlite, postgres, pg_plain, lucene run, comma-separated.", DefaultValueFactory = _ => string.Join(',', Engines) };
        var seed = new Option<int>("--seed") { Description = "Market generator seed; the query mix is fixed.", DefaultValueFactory = _ => 2026 };
        var cache = new Option<string?>("--cache") { Description = "Folder keeping the generated SQLite database between runs (same seed, size and schema)." };
        var command = new Command("search", "Listing search capacity under an open loop on SQLite and PostgreSQL, next to plain PostgreSQL full-text search and Lucene.NET.")
        {
            postgres, listings, seconds, warmup, stepWarmup, connections, maxRate, refine, retries, engines, seed, cache,
        };
        command.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(engines)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var settings = new Settings(parse.GetValue(postgres), parse.GetValue(listings), parse.GetValue(connections), parse.GetValue(seed),
                parse.GetValue(cache), chosen, new CapacitySettings(parse.GetValue(warmup), parse.GetValue(stepWarmup), parse.GetValue(seconds),
                    parse.GetValue(maxRate), parse.GetValue(refine), parse.GetValue(retries)));
            var c = settings.Capacity;
            if (settings.Listings is < 1 or > 10_000_000 || settings.Connections is < 1 or > 1000 || c.StepSeconds < 1 || c.Warmup < 0
                || c.StepWarmup < 0 || c.MaxRate < 10 || c.Refine < 0 || c.Retries < 0 || chosen.Count == 0 || !chosen.IsSubsetOf(Engines))
            {
                await Console.Error.WriteLineAsync("--listings must be 1..10000000, --connections 1..1000, --seconds at least 1, --warmup, --step-warmup, "
                    + "--refine and --retries at least 0, --max-rate at least 10, --engines some of " + string.Join(',', Engines) + ".");
                return 2;
            }
            return await RunAsync(settings, ct);
        });
        return command;
    }

    private sealed record Settings(string? Postgres, int Listings, int Connections, int Seed, string? Cache, IReadOnlySet<string> Engines, CapacitySettings Capacity);

    /// <summary>What a run found: each engine's capacity, the active entries searched, the Lucene index's build time.</summary>
    private sealed class Results
    {
        public Dictionary<string, Capacity> Capacities { get; } = [];
        public long Active { get; set; }
        public TimeSpan? LuceneBuild { get; set; }
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var results = new Results();
        var work = Directory.CreateTempSubdirectory("tradehall-bench-search-").FullName;
        try
        {
            if (settings.Engines.Contains("sqlite") || settings.Engines.Contains("lucene"))
            {
                await SqliteAsync(settings, Path.Combine(work, "sqlite"), results, cancellationToken);
            }
            if (settings.Postgres is { } server && (settings.Engines.Contains("postgres") || settings.Engines.Contains("pg_plain")))
            {
                await PostgresAsync(settings, server, Path.Combine(work, "postgres"), results, cancellationToken);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
        await Console.Out.WriteLineAsync(LastLine(settings, results));
        var failures = results.Capacities.Values.Sum(c => c.Failures);
        if (failures > 0)
        {
            await Console.Error.WriteLineAsync($"search: {failures} searches were not answered well (said above); every answer must be 200");
        }
        return failures > 0 ? 1 : 0;
    }

    private static string LastLine(Settings settings, Results results)
    {
        var line = new StringBuilder($"search listings={settings.Listings}");
        void Key(string name, FormattableString value) => line.Append(' ').Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
        foreach (var engine in Engines.Where(results.Capacities.ContainsKey))
        {
            var c = results.Capacities[engine];
            Key("capacity_" + engine, $"{c.Rate}");
            Key("cpu_ms_" + engine, $"{c.At.CpuMs:F2}");
        }
        foreach (var engine in SiteEngines.Where(results.Capacities.ContainsKey))
        {
            var c = results.Capacities[engine];
            Key("p50_ms_" + engine, $"{c.At.P50:F1}");
            Key("p95_ms_" + engine, $"{c.At.P95:F1}");
        }
        Key("active", $"{results.Active}");
        if (results.LuceneBuild is { } build)
        {
            Key("lucene_index_s", $"{build.TotalSeconds:F1}");
        }
        foreach (var engine in ServerEngines.Where(results.Capacities.ContainsKey))
        {
            Key("engine_cpu_ms_" + engine, $"{results.Capacities[engine].At.ServerCpuMs:F2}");
        }
        return line.ToString();
    }

    /// <summary>SQLite through the site, then Lucene.NET over the same file's entries.</summary>
    private static async Task SqliteAsync(Settings settings, string dataPath, Results results, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataPath);
        var file = Path.Combine(dataPath, "tradehall.db");
        string? cached = null;
        if (settings.Cache is { } folder)
        {
            Directory.CreateDirectory(folder);
            // Keyed by the day too: a market made on another day has listings the site would now expire during the run.
            var day = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            cached = Path.Combine(folder, $"search-{settings.Seed}-{settings.Listings}-{LatestMigration()}-{day}.db");
            if (File.Exists(cached))
            {
                await Console.Error.WriteLineAsync($"search: sqlite: the cached market {cached}");
                File.Copy(cached, file);
            }
        }
        IReadOnlyList<MixQuery> mix;
        await using (var site = await SearchSite.StartAsync(Config("sqlite", $"Data Source={file}", dataPath), File.Exists(file) ? null : settings.Listings,
            settings.Seed, "sqlite", cancellationToken))
        {
            if (cached is not null && !File.Exists(cached))
            {
                // The loaded file, checkpointed, is kept for the next run with the same seed, size and schema.
                await using (var connection = new SqliteConnection($"Data Source={file}"))
                {
                    await connection.OpenAsync(cancellationToken);
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                    await checkpoint.ExecuteNonQueryAsync(cancellationToken);
                }
                File.Copy(file, cached + ".part", overwrite: true);
                File.Move(cached + ".part", cached);
            }
            await using (var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly"))
            {
                await connection.OpenAsync(cancellationToken);
                (mix, results.Active) = await MixAsync(connection, cancellationToken);
            }
            if (settings.Engines.Contains("sqlite"))
            {
                await site.WaitForSearchAsync(results.Active, cancellationToken);
                await SearchMix.ReportEmptyAsync("sqlite", mix, q => site.TotalAsync(q, cancellationToken));
                results.Capacities["sqlite"] = await site.CapacityAsync(mix, settings.Connections, settings.Capacity, CpuMeter.InProcess(), cancellationToken);
            }
        }
        if (settings.Engines.Contains("lucene"))
        {
            await Console.Error.WriteLineAsync($"search: lucene: indexing the {results.Active} active entries");
            var (lucene, elapsed) = await LuceneSearch.BuildAsync(file, Path.Combine(dataPath, "lucene"), cancellationToken);
            using (lucene)
            {
                results.LuceneBuild = elapsed;
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"search: lucene: {lucene.Documents} documents indexed in {elapsed.TotalSeconds:F1} s (English and Russian analyzers, one segment)"));
                await SearchMix.ReportEmptyAsync("lucene", mix, q => Task.FromResult(lucene.Search(q)));
                var loop = new OpenLoop("lucene", settings.Connections, mix.Count, CpuMeter.InProcess(), (_, query, _) => ValueTask.FromResult(lucene.Search(mix[query]) >= 0));
                results.Capacities["lucene"] = await CapacitySearch.FindAsync("lucene", loop, mix, settings.Capacity, cancellationToken);
            }
        }
    }

    /// <summary>PostgreSQL through the site, then the plain full-text peer on the same database.</summary>
    private static async Task PostgresAsync(Settings settings, string server, string dataPath, Results results, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(server, "bench_search", cancellationToken);
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 50 }.ConnectionString;
        Directory.CreateDirectory(dataPath);
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = settings.Connections }.ConnectionString);
        var meter = await CpuMeter.WithServerAsync(source, cancellationToken);
        IReadOnlyList<MixQuery> mix;
        await using (var site = await SearchSite.StartAsync(Config("postgres", connection, dataPath), settings.Listings, settings.Seed, "postgres", cancellationToken))
        {
            await BenchDatabase.ExecuteAsync(connection, "VACUUM ANALYZE", cancellationToken);
            long active;
            await using (var c = await source.OpenConnectionAsync(cancellationToken))
            {
                (mix, active) = await MixAsync(c, cancellationToken);
            }
            results.Active = active;
            if (settings.Engines.Contains("postgres"))
            {
                await site.WaitForSearchAsync(active, cancellationToken);
                await SearchMix.ReportEmptyAsync("postgres", mix, q => site.TotalAsync(q, cancellationToken));
                results.Capacities["postgres"] = await site.CapacityAsync(mix, settings.Connections, settings.Capacity, meter, cancellationToken);
            }
        }
        if (settings.Engines.Contains("pg_plain"))
        {
            var plain = await PlainPostgresSearch.CreateAsync(source, cancellationToken);
            await SearchMix.ReportEmptyAsync("pg_plain", mix, q => plain.SearchAsync(q, cancellationToken).AsTask());
            var loop = new OpenLoop("pg_plain", settings.Connections, mix.Count, meter, async (_, query, ct) => await plain.SearchAsync(mix[query], ct) >= 0);
            results.Capacities["pg_plain"] = await CapacitySearch.FindAsync("pg_plain", loop, mix, settings.Capacity, cancellationToken);
        }
    }

    /// <summary>The mix resolved against the database's taxonomy, and the number of active entries it searches.</summary>
    private static async Task<(IReadOnlyList<MixQuery> Mix, long Active)> MixAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var mix = await SearchMix.ResolveAsync(connection, TimeProvider.System.GetUtcNow().UtcDateTime, cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM marketplace_listing_search";
        return (mix, Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string?> Config(string provider, string connection, string dataPath)
    {
        var config = BenchSite.Settings(provider, connection, dataPath);
        // MKT-07's limits are per client address and every benchmark client is 127.0.0.1: lifted for this site only.
        config["RateLimits:AnonymousPerMinute"] = "1000000";
        config["RateLimits:AnonymousSearchPerMinute"] = "1000000";
        return config;
    }

    private static string LatestMigration()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().Last();
    }
}

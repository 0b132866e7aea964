using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace;
using Tradehall.Web.Hosting;

namespace Tradehall.Bench;

/// <summary>
/// MKT-02 under load: a demo market of <c>--listings</c> listings (the loader of <c>tradehall demo seed --listings</c>)
/// on SQLite and on PostgreSQL, the real site on a loopback port for each, and <c>--users</c> concurrent clients
/// calling <c>GET /api/v1/listings/search</c> for <c>--seconds</c> with a fixed, seeded mix of queries. Beside it, on
/// the same database in the same run, the bare engine cost: the full-text match and a deep filtered page as raw SQL
/// (FTS5 MATCH, tsvector @@), timed under the same concurrency, so the ratio survives a noisy machine.
/// </summary>
internal static class SearchBenchmark
{
    public static Command Command()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL server connection string; a fresh database is created on it. Without it only SQLite runs." };
        var listings = new Option<int>("--listings") { Description = "Listings in the market.", DefaultValueFactory = _ => 1_000_000 };
        var users = new Option<int>("--users") { Description = "Concurrent clients.", DefaultValueFactory = _ => 20 };
        var seconds = new Option<int>("--seconds") { Description = "Measured duration per engine (API and bare SQL each).", DefaultValueFactory = _ => 60 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of load before each measured window, not counted.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Market generator seed; the query mix is fixed.", DefaultValueFactory = _ => 2026 };
        var cache = new Option<string?>("--cache") { Description = "Folder keeping the generated SQLite database between runs (same seed, size and schema)." };
        var command = new Command("search", "Listing search latency through the API on SQLite and PostgreSQL, next to the bare full-text queries.")
        {
            postgres, listings, users, seconds, warmup, seed, cache,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Settings(parse.GetValue(postgres), parse.GetValue(listings), parse.GetValue(users), parse.GetValue(seconds),
                parse.GetValue(warmup), parse.GetValue(seed), parse.GetValue(cache));
            if (settings.Listings is < 1 or > 10_000_000 || settings.Users < 1 || settings.Seconds < 1 || settings.Warmup < 0)
            {
                await Console.Error.WriteLineAsync("--listings must be 1..10000000, --users and --seconds at least 1, --warmup at least 0.");
                return 2;
            }
            return await RunAsync(settings, ct);
        });
        return command;
    }

    private sealed record Settings(string? Postgres, int Listings, int Users, int Seconds, int Warmup, int Seed, string? Cache);

    /// <summary>Calls and latencies of a measured window, and the CPU each answered call cost: <c>CpuMs</c> all of it (this
    /// process — site and clients — and the database server's processes), <c>EngineCpuMs</c> the server's share (NaN for
    /// SQLite, which runs in this process).</summary>
    private sealed record Figures(int Requests, int Failures, double PerSecond, double P50, double P95, double CpuMs, double EngineCpuMs);

    private sealed record EngineFigures(string Engine, Figures Api, Figures Bare);

    /// <summary>
    /// The API's query mix: words, quoted phrases, filters only (type, category subtree, country, price range), words with
    /// filters, the newest and price sorts, and deep pages. Categories are the seeded taxonomy's ids.
    /// </summary>
    private static readonly string[] Queries =
    [
        "q=pellets", "q=пеллеты", "q=birch", "q=фанера", "q=harvester", "q=доска", "q=spruce", "q=лиственница", "q=glulam", "q=щепа",
        "q=%22pine+boards%22", "q=%22wood+pellets%22", "q=%22доска+обрезная%22", "q=%22birch+plywood%22", "q=%22пиловочник+сосны%22",
        "q=%22film-faced+plywood%22",
        "type=offer&category=10", "category=47&country=RU", "country=FI", "type=request&category=1", "category=57&country=DE",
        "minPrice=15000&maxPrice=25000&currency=RUB", "category=12&minPrice=150&maxPrice=300&currency=EUR",
        "q=pellets&country=RU&type=offer", "q=доска&category=10&minPrice=15000&maxPrice=25000&currency=RUB", "q=plywood&type=request",
        "q=пеллеты&category=48&sort=price", "q=forwarder&sort=newest",
        "category=10&sort=newest", "country=RU&type=offer&sort=price", "category=27&sort=price&currency=EUR",
        "category=10&page=50", "q=доска&sort=newest&page=50", "country=RU&sort=price&page=50", "sort=newest&page=50",
    ];

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var results = new List<EngineFigures>();
        var work = Directory.CreateTempSubdirectory("tradehall-bench-search-").FullName;
        try
        {
            results.Add(await SqliteAsync(settings, Path.Combine(work, "sqlite"), cancellationToken));
            if (settings.Postgres is { } server)
            {
                results.Add(await PostgresAsync(settings, server, Path.Combine(work, "postgres"), cancellationToken));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
        var failed = results.Any(r => r.Api.Failures > 0 || r.Api.Requests == 0);
        var line = $"search listings={settings.Listings}";
        foreach (var r in results)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" p50_ms_{r.Engine}={r.Api.P50:F1} p95_ms_{r.Engine}={r.Api.P95:F1}");
        }
        foreach (var r in results)
        {
            line += string.Create(CultureInfo.InvariantCulture,
                $" rps_{r.Engine}={r.Api.PerSecond:F0} bare_p50_ms_{r.Engine}={r.Bare.P50:F1} bare_p95_ms_{r.Engine}={r.Bare.P95:F1}");
        }
        foreach (var r in results)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" cpu_ms_{r.Engine}={r.Api.CpuMs:F2} bare_cpu_ms_{r.Engine}={r.Bare.CpuMs:F2}");
            if (!double.IsNaN(r.Api.EngineCpuMs))
            {
                line += string.Create(CultureInfo.InvariantCulture, $" engine_cpu_ms_{r.Engine}={r.Api.EngineCpuMs:F2}");
            }
        }
        await Console.Out.WriteLineAsync(line);
        return failed ? 1 : 0;
    }

    private static async Task<EngineFigures> SqliteAsync(Settings settings, string dataPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataPath);
        var file = Path.Combine(dataPath, "tradehall.db");
        var config = Config("sqlite", $"Data Source={file}", dataPath);
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
        await using var site = await StartAsync(config, seed: !File.Exists(file), settings, "sqlite", cancellationToken);
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
        var meter = CpuMeter.InProcess();
        var bare = await BareAsync(settings, () => new SqliteConnection($"Data Source={file};Mode=ReadOnly"), Sqlite, meter, cancellationToken);
        return new EngineFigures("sqlite", await site.ApiAsync(settings, meter, cancellationToken), bare);
    }

    private static async Task<EngineFigures> PostgresAsync(Settings settings, string server, string dataPath, CancellationToken cancellationToken)
    {
        var database = "bench_search_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {database}", cancellationToken);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 50 }.ConnectionString;
        try
        {
            Directory.CreateDirectory(dataPath);
            await using var site = await StartAsync(Config("postgres", connection, dataPath), seed: true, settings, "postgres", cancellationToken);
            await ExecuteAsync(connection, "VACUUM ANALYZE", cancellationToken);
            await using var source = NpgsqlDataSource.Create(connection);
            var meter = await CpuMeter.WithServerAsync(source, cancellationToken);
            var bare = await BareAsync(settings, source.CreateConnection, Postgres, meter, cancellationToken);
            return new EngineFigures("postgres", await site.ApiAsync(settings, meter, cancellationToken), bare);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static Dictionary<string, string?> Config(string provider, string connection, string dataPath) => new()
    {
        ["Database:Provider"] = provider,
        ["Database:MigrateOnStart"] = "true",
        ["ConnectionStrings:Default"] = connection,
        ["Tradehall:DataPath"] = dataPath,
        ["Notifications:MailDelivery"] = "pickup",
        ["Notifications:SmsDelivery"] = "file",
        // MKT-07's limits are per client address and every benchmark client is 127.0.0.1: lifted for this site only.
        ["RateLimits:AnonymousPerMinute"] = "1000000",
        ["RateLimits:AnonymousSearchPerMinute"] = "1000000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
    };

    private static string LatestMigration()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().Last();
    }

    /// <summary>The site on a loopback port, migrated, with the market loaded when the database is new.</summary>
    private static async Task<RunningSite> StartAsync(Dictionary<string, string?> config, bool seed, Settings settings, string engine, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var app = Site.Build(["--urls", $"http://127.0.0.1:{port}"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        await Console.Error.WriteLineAsync($"search: {engine}: the site on port {port}: migrating and starting");
        await app.StartAsync(cancellationToken);
        if (seed)
        {
            await Console.Error.WriteLineAsync($"search: {engine}: loading {settings.Listings} listings (seed {settings.Seed})");
            await using var scope = app.Services.CreateAsyncScope();
            var loaded = await DemoMarketSeed.RunAsync(scope.ServiceProvider, settings.Listings, settings.Seed, new ConsoleProgress(), cancellationToken);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"search: {engine}: loaded listings={loaded.Listings} active={loaded.Active} members={loaded.Members} in {loaded.Elapsed.TotalSeconds:F0} s"));
        }
        return new RunningSite(app, new Uri($"http://127.0.0.1:{port}"), engine);
    }

    private sealed class RunningSite(WebApplication app, Uri url, string engine) : IAsyncDisposable
    {
        public async Task<Figures> ApiAsync(Settings settings, CpuMeter meter, CancellationToken cancellationToken)
        {
            // Call i is user i mod users's (LoadAsync): each user keeps one connection of its own.
            var clients = Enumerable.Range(0, settings.Users).Select(_ => new HttpGetClient(new IPEndPoint(IPAddress.Loopback, url.Port))).ToArray();
            var failures = 0;
            var perQuery = Queries.Select(_ => new List<double>()).ToArray();
            Figures figures;
            try
            {
                figures = await LoadAsync(settings, meter, async (i, ct) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var (status, error) = await clients[i % clients.Length].GetAsync("/api/v1/listings/search?" + Queries[i % Queries.Length], ct);
                    if (status != 200 && Interlocked.Increment(ref failures) <= 5)
                    {
                        await Console.Error.WriteLineAsync($"search: {engine}: {Queries[i % Queries.Length]} answered {status}: {error}");
                    }
                    var mine = perQuery[i % Queries.Length];
                    lock (mine)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    return status == 200;
                }, cancellationToken);
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
            Report(engine, "api", figures);
            // Which queries cost most, warm-up included: where to look when the percentiles move.
            foreach (var (query, times) in Queries.Zip(perQuery).Where(q => q.Second.Count > 0).OrderByDescending(q => Percentile([.. q.Second.Order()], 0.5)).Take(8))
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"search: {engine}: api: {query}: calls={times.Count} p50={Percentile([.. times.Order()], 0.5):F1} ms"));
            }
            return figures;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    /// <summary>Raw SQL of a word, a phrase, two words (each the newest 1,000 matches, as the search window reads them) and a deep filtered page.</summary>
    private static readonly (string Sql, string? Text)[] Sqlite =
    [
        (SqliteMatch, "\"pellets\""), (SqliteMatch, "\"доска обрезная\""), (SqliteMatch, "\"birch\" \"plywood\""),
        (DeepPage, null),
    ];

    private static readonly (string Sql, string? Text)[] Postgres =
    [
        (PostgresMatch, "(pellets)"), (PostgresMatch, "(доска <-> обрезная)"), (PostgresMatch, "(birch) & (plywood)"),
        (DeepPage, null),
    ];

    private const string SqliteMatch = """
        SELECT s."Id" FROM marketplace_listing_search_fts JOIN marketplace_listing_search s ON s."Id" = marketplace_listing_search_fts.rowid
        WHERE marketplace_listing_search_fts MATCH @q ORDER BY marketplace_listing_search_fts.rowid DESC LIMIT 1000
        """;

    private const string PostgresMatch = """
        SELECT s."Id" FROM marketplace_listing_search s
        WHERE s."Words" @@ to_tsquery('simple', @q)
        ORDER BY s."Id" DESC LIMIT 1000
        """;

    private const string DeepPage = """
        SELECT "Id" FROM marketplace_listing_search WHERE "CategoryId" IN (10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22)
        ORDER BY "PostedAt" DESC LIMIT 20 OFFSET 980
        """;

    private static async Task<Figures> BareAsync(Settings settings, Func<DbConnection> connect, (string Sql, string? Text)[] queries, CpuMeter meter,
        CancellationToken cancellationToken)
    {
        var engine = queries == Sqlite ? "sqlite" : "postgres";
        var connections = new DbConnection[settings.Users];
        try
        {
            for (var u = 0; u < settings.Users; u++)
            {
                connections[u] = connect();
                await connections[u].OpenAsync(cancellationToken);
            }
            var figures = await LoadAsync(settings, meter, async (i, ct) =>
            {
                var (sql, text) = queries[i % queries.Length];
                await using var command = connections[i % connections.Length].CreateCommand();
                command.CommandText = sql;
                if (text is not null)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "q";
                    parameter.Value = text;
                    command.Parameters.Add(parameter);
                }
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    // Every row is read, as the application reads its window.
                }
                return true;
            }, cancellationToken);
            Report(engine, "bare", figures);
            return figures;
        }
        finally
        {
            foreach (var c in connections.Where(c => c is not null))
            {
                await c.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Closed loop: each of the users sends its next call as soon as the last one answered, for warm-up plus the measured
    /// window; only calls started in the window count. User u takes calls u, u + users, ... of the mix, so the mix is fixed.
    /// The CPU used during the window is divided among the calls answered in it.
    /// </summary>
    private static async Task<Figures> LoadAsync(Settings settings, CpuMeter meter, Func<int, CancellationToken, Task<bool>> call,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + settings.Warmup * Stopwatch.Frequency;
        var end = measureFrom + settings.Seconds * Stopwatch.Frequency;
        var latencies = new List<double>[settings.Users];
        var failures = 0;
        // A thread of its own: the pool's threads are all busy with the calls, and a timer's continuation would wait for one.
        var cpu = new TaskCompletionSource<(TimeSpan Process, TimeSpan Server)>();
        new Thread(() =>
        {
            Thread.Sleep(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom));
            var first = meter.Read();
            Thread.Sleep(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end));
            var last = meter.Read();
            cpu.SetResult((last.Process - first.Process, last.Server - first.Server));
        }) { IsBackground = true }.Start();
        await Task.WhenAll(Enumerable.Range(0, settings.Users).Select(u => Task.Run(async () =>
        {
            var mine = latencies[u] = new List<double>(10_000);
            for (var n = 0; ; n++)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= end)
                {
                    return;
                }
                // Call u + n·users: the mix is the same on every run, and a bare query always lands on connection u.
                var index = u + n * settings.Users;
                bool ok;
                try
                {
                    ok = await call(index, cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or SocketException or DbException)
                {
                    ok = false;
                    await Console.Error.WriteLineAsync("search: a call failed: " + ex.Message);
                }
                var after = Stopwatch.GetTimestamp();
                if (before >= measureFrom)
                {
                    if (ok)
                    {
                        mine.Add((after - before) * 1000.0 / Stopwatch.Frequency);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        }, cancellationToken)));
        var all = latencies.SelectMany(l => l).Order().ToList();
        var (process, server) = await cpu.Task;
        var perCall = (TimeSpan t) => all.Count == 0 ? double.NaN : t.TotalMilliseconds / all.Count;
        return new Figures(all.Count + failures, failures, all.Count / (double)settings.Seconds, Percentile(all, 0.50), Percentile(all, 0.95),
            perCall(process + server), meter.MeasuresServer ? perCall(server) : double.NaN);
    }

    private static void Report(string engine, string what, Figures f) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"search: {engine}: {what}: calls={f.Requests} failed={f.Failures} rate={f.PerSecond:F0}/s p50={f.P50:F2} ms p95={f.P95:F2} ms cpu={f.CpuMs:F2} ms a call (server {f.EngineCpuMs:F2})"));

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connection, string sql, CancellationToken cancellationToken)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

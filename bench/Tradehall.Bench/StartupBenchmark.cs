using Microsoft.AspNetCore.Http;

namespace Tradehall.Bench;

/// <summary>
/// How long the site takes to start inside a running process — build, start, and answer its first request
/// (<c>/health/ready</c>) — next to an empty ASP.NET Core site started the same way in the same process. It is what every
/// test host, every CLI verb that builds the site and every restart of a node pays; the empty site is the floor the
/// framework itself sets, so the ratio is what Tradehall adds.
/// </summary>
internal static class StartupBenchmark
{
    public static Command Command()
    {
        var rounds = new Option<int>("--rounds") { Description = "Measured starts of each site, after one start of each not counted.", DefaultValueFactory = _ => 20 };
        var command = new Command("startup", "Site start to first answer, in a warm process, next to an empty ASP.NET Core site.") { rounds };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(rounds);
            if (n < 1)
            {
                await Console.Error.WriteLineAsync("--rounds must be at least 1.");
                return 2;
            }
            return await RunAsync(n, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(int rounds, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("tradehall-bench-startup-").FullName;
        try
        {
            // SQLite in a folder of its own, migrated by the first (uncounted) start as a new node's first start would.
            var settings = BenchSite.Settings("sqlite", connection: null, data);
            var site = await MeasureAsync("site", rounds, port => BenchSite.Build(settings, port), "/health/ready", cancellationToken);
            var empty = await MeasureAsync("empty", rounds, port =>
            {
                var builder = WebApplication.CreateBuilder(["--urls", $"http://127.0.0.1:{port}"]);
                builder.Logging.ClearProviders();
                var app = builder.Build();
                app.MapGet("/ready", () => TypedResults.Ok());
                return app;
            }, "/ready", cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"startup rounds={rounds} site_ms={site.Wall:F0} site_cpu_ms={site.Cpu:F0} empty_ms={empty.Wall:F0} empty_cpu_ms={empty.Cpu:F0} ratio={site.Wall / empty.Wall:F1}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Medians over <paramref name="rounds"/> starts of wall time and of this process's CPU, after one start not counted.</summary>
    private static async Task<(double Wall, double Cpu)> MeasureAsync(string name, int rounds, Func<int, WebApplication> build, string probe, CancellationToken cancellationToken)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var port = Loopback.FreePort();
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var app = build(port);
            await app.StartAsync(cancellationToken);
            using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
            {
                var answer = await http.GetAsync(probe, cancellationToken);
                answer.EnsureSuccessStatusCode();
            }
            var wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var used = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
            if (round > 0)
            {
                walls.Add(wall);
                cpus.Add(used);
            }
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"startup: {name} start {round}{(round == 0 ? " (not counted)" : "")}: {wall:F0} ms, cpu {used:F0} ms"));
        }
        return (Median(walls), Median(cpus));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}

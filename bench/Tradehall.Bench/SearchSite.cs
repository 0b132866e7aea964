using Tradehall.Demo;

namespace Tradehall.Bench;

/// <summary>
/// The real site (<c>Site.Build</c>, Kestrel on a loopback port inside the benchmark) for one engine: migrated, the
/// demo market loaded through its own services when the database is new, and searched through
/// <c>GET /api/v1/listings/search</c> by the open loop, one keep-alive connection per worker.
/// </summary>
internal sealed class SearchSite(WebApplication app, Uri url, string engine) : IAsyncDisposable
{
    /// <summary>How long the site's search may take to show every active entry after it started.</summary>
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(120);

    public static async Task<SearchSite> StartAsync(Dictionary<string, string?> config, int? load, int seed, string engine, CancellationToken cancellationToken)
    {
        var port = Loopback.FreePort();
        var app = BenchSite.Build(config, port);
        await Console.Error.WriteLineAsync($"search: {engine}: the site on port {port}: migrating and starting");
        await app.StartAsync(cancellationToken);
        if (load is { } listings)
        {
            await Console.Error.WriteLineAsync($"search: {engine}: loading {listings} listings (seed {seed})");
            await using var scope = app.Services.CreateAsyncScope();
            var loaded = await DemoMarketSeed.RunAsync(scope.ServiceProvider, listings, seed, new ConsoleProgress(), cancellationToken);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"search: {engine}: loaded listings={loaded.Listings} active={loaded.Active} members={loaded.Members} in {loaded.Elapsed.TotalSeconds:F0} s"));
        }
        return new SearchSite(app, new Uri($"http://127.0.0.1:{port}"), engine);
    }

    /// <summary>
    /// Waits until the site's search shows the market: an unfiltered search's total is the number of
    /// <paramref name="active"/> entries (or, beyond what it counts exactly, at least 10,000), two answers in a row
    /// agree, and a word finds something. A site that keeps an index of its own builds it at start and may lag the load.
    /// </summary>
    public async Task WaitForSearchAsync(long active, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        async Task<(long Total, bool Exact)> Ask(string query)
        {
            using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/v1/listings/search?" + query, cancellationToken));
            var root = answer.RootElement;
            return (root.GetProperty("total").GetInt64(), !root.TryGetProperty("totalExact", out var exact) || exact.GetBoolean());
        }
        var clock = Stopwatch.StartNew();
        (long Total, bool Exact)? last = null;
        while (true)
        {
            var all = await Ask("pageSize=1");
            var word = await Ask("pageSize=1&q=" + SearchMix.CheckWord);
            var complete = all.Exact ? all.Total == active : all.Total >= Math.Min(active, 10_000);
            if (complete && word.Total > 0 && last == all)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"search: {engine}: the search shows total={all.Total}{(all.Exact ? "" : "+")} of {active} active entries, \"{SearchMix.CheckWord}\" {word.Total}, after {clock.Elapsed.TotalSeconds:F1} s"));
                return;
            }
            if (clock.Elapsed > CatchUpLimit)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{engine}: after {CatchUpLimit.TotalSeconds:F0} s the search shows total={all.Total} (exact: {all.Exact}) and \"{SearchMix.CheckWord}\" {word.Total}; {active} entries are active"));
            }
            last = all;
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>The total an unhurried search of <paramref name="q"/> reports (exact or not).</summary>
    public async Task<long> TotalAsync(MixQuery q, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/v1/listings/search?" + q.Api, cancellationToken));
        return answer.RootElement.GetProperty("total").GetInt64();
    }

    /// <summary>The capacity of the API under the open loop; every answer must be 200.</summary>
    public async Task<Capacity> CapacityAsync(IReadOnlyList<MixQuery> mix, int connections, CapacitySettings settings, CpuMeter meter,
        CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, connections).Select(_ => new HttpGetClient(new IPEndPoint(IPAddress.Loopback, url.Port))).ToArray();
        var paths = mix.Select(q => "/api/v1/listings/search?" + q.Api).ToArray();
        var shown = 0;
        try
        {
            var loop = new OpenLoop(engine, connections, mix.Count, meter, async (worker, query, ct) =>
            {
                var (status, error) = await clients[worker].GetAsync(paths[query], ct);
                if (status != 200 && Interlocked.Increment(ref shown) <= 5)
                {
                    await Console.Error.WriteLineAsync($"search: {engine}: {paths[query]} answered {status}: {error}");
                }
                return status == 200;
            });
            return await CapacitySearch.FindAsync(engine, loop, mix, settings, cancellationToken);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}

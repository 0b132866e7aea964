using Microsoft.Extensions.Hosting;

namespace Tradehall.Demo;

/// <summary>RUN-01: a Development site starts with the demo members, operator, company and market.</summary>
public static class DemoModule
{
    /// <summary>Adds the demo data after the start-up tasks registered before it (migration, roles, taxonomy) and before the workers after it.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddHostedService<DemoStartup>();

    /// <summary>
    /// <c>tradehall demo seed --listings</c>: loads the market and answers the verb's report line. It answers text so that
    /// no type of the site holds a demo type: MVC reads the shape of every type of the site at start, and a demo type there
    /// would load this assembly on a production server.
    /// </summary>
    public static async Task<string> SeedMarketAsync(IServiceProvider services, int listings, int seed, IProgress<JobProgress>? progress,
        CancellationToken cancellationToken)
    {
        var seeded = await DemoMarketSeed.RunAsync(services, listings, seed, progress, cancellationToken);
        return FormattableString.Invariant(
            $"seeded market listings={seeded.Listings} active={seeded.Active} members={seeded.Members} organizations={seeded.Organizations} seconds={seeded.Elapsed.TotalSeconds:0.0}");
    }

    private sealed class DemoStartup(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await DemoData.EnsureAsync(scope.ServiceProvider, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

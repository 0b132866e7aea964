using Microsoft.Extensions.Hosting;

namespace Tradehall.Demo;

/// <summary>RUN-01: a Development site starts with the demo members, operator, company and market.</summary>
public static class DemoModule
{
    /// <summary>Adds the demo data after the start-up tasks registered before it (migration, roles, taxonomy) and before the workers after it.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddHostedService<DemoStartup>();

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

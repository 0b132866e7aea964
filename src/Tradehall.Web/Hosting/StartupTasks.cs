using Tradehall.Core.Data;
using Tradehall.Core.Network.Images;

namespace Tradehall.Web.Hosting;

/// <summary>
/// Before the site takes requests: migrate when configured to (Development), make sure the staff
/// roles, the first Terms and Privacy Policy and the listing taxonomy exist. A Development site adds its demo data
/// next (<c>Tradehall.Demo</c>, registered after this).
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, IOptions<DatabaseOptions> database, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateOnStart)
        {
            await DataModule.MigrateAsync(services, time, cancellationToken);
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<Staff>().EnsureRolesAsync();
        await LegalModule.EnsurePublishedAsync(db, time, cancellationToken);
        await BillingModule.EnsureSeededAsync(scope.ServiceProvider, cancellationToken);
        await MarketplaceModule.EnsureSeededAsync(scope.ServiceProvider, cancellationToken);
        // NET-02: a missing image tool is said at start (in the log, as health does), not first by a failing upload;
        // the check runs beside the start, bounded by the image timeout, so a hanging tool does not hold the site back.
        _ = services.GetRequiredService<ImageTool>().CheckHealthAsync(new(), CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

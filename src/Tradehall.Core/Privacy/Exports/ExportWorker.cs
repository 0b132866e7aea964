namespace Tradehall.Core.Privacy.Exports;

/// <summary>
/// PRV-03: builds the exports members asked for and deletes expired ones — woken by a request, and every
/// <see cref="PrivacyOptions.ExportPollInterval"/> anyway (another node's requests, expiry). Rows are claimed one by one,
/// so every node may run it.
/// </summary>
public sealed class ExportWorker(IServiceScopeFactory scopes, ExportSignal signal, IOptions<PrivacyOptions> options,
    ILogger<ExportWorker> logger) : SignalledWorker(signal, logger)
{
    protected override TimeSpan Interval => options.Value.ExportPollInterval;

    protected override async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DataExports>().RunDueAsync(cancellationToken);
    }
}

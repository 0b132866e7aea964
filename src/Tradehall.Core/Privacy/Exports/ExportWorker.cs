using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tradehall.Core.Privacy.Exports;

/// <summary>
/// PRV-03: builds the exports members asked for and deletes expired ones — woken by a request, and every
/// <see cref="PrivacyOptions.ExportPollInterval"/> anyway (another node's requests, expiry). Rows are claimed one by one,
/// so every node may run it.
/// </summary>
public sealed partial class ExportWorker(IServiceScopeFactory scopes, ExportSignal signal, IOptions<PrivacyOptions> options,
    ILogger<ExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DataExports>().RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped mid-build: the claim runs out and the next node builds the export.
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCycleFailed(logger, ex);
            }
            try
            {
                await signal.WaitAsync(options.Value.ExportPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Data export worker cycle failed; it tries again at the next one")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}

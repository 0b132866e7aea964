using Microsoft.Extensions.Hosting;

namespace Tradehall.Core.Shared;

/// <summary>
/// A background worker that does a round as soon as its <see cref="WakeSignal"/> is raised, and at least every
/// <see cref="Interval"/> (work another node queued, work come due). A failed round is logged and the next one tries
/// again; stopped mid-round, it ends quietly and the work stays due for the next round or node — ending cancelled would
/// stop the whole host when only this worker was stopped.
/// </summary>
public abstract partial class SignalledWorker(WakeSignal signal, ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    /// <summary>The longest wait between rounds when nothing raises the signal.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RoundAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(Logger, GetType().Name, ex);
            }
            try
            {
                await signal.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} round failed; it tries again at the next one")]
    private static partial void LogRoundFailed(ILogger logger, string worker, Exception exception);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02, RUN-03: every node checks each <see cref="AnalyticsOptions.ReviewCheckInterval"/> whether last month's
/// reviews are due; the job lease and its recorded month make one node of the cluster do it, once.
/// </summary>
public sealed partial class PriceReviewWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AnalyticsOptions> options, ILogger<PriceReviewWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (options.Value.Reviews && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReviewCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PriceReviews>().RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCycleFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Price review cycle failed; it tries again at the next check")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}

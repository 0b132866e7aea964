using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradehall.Core.Data;

namespace Tradehall.Core.Notifications.Digests;

/// <summary>NTF-03, RUN-03: every <see cref="NotificationsOptions.DigestInterval"/> one node of the cluster, holding the lease, sends the due digests.</summary>
public sealed partial class DigestWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationsOptions> options, ILogger<DigestWorker> logger) : BackgroundService
{
    /// <summary>Long enough for one round; a node that dies holding it is waited out at most this long.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.DigestInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await CycleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCycleFailed(logger, ex);
            }
        }
    }

    private async Task CycleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(Digest.JobName, Lease, cancellationToken))
        {
            return;
        }
        try
        {
            await scope.ServiceProvider.GetRequiredService<Digest>().RunDueAsync(cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(Digest.JobName, null, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification digest cycle failed; it tries again at the next one")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}

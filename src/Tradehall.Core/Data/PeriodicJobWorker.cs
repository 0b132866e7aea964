using Microsoft.Extensions.Hosting;

namespace Tradehall.Core.Data;

/// <summary>
/// RUN-03: every <see cref="Interval"/> runs one round of <typeparamref name="TJob"/> in a fresh scope. A round that fails
/// is logged and the next one tries again. With a <see cref="Lease"/>, only the node holding it runs the round, so the
/// job runs once per cluster; without one the job coordinates itself.
/// </summary>
[ModuleApi]
public abstract class PeriodicJobWorker<TJob>(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
    where TJob : notnull
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>The lease's name and how long it is held: long enough for one round; a node that dies holding it is waited out.</summary>
    protected virtual (string Name, TimeSpan Duration)? Lease => null;

    /// <summary>Whether this node runs the job at all.</summary>
    protected virtual bool Enabled => true;

    /// <summary>Whether the first round runs as the host starts rather than one <see cref="Interval"/> later.</summary>
    protected virtual bool RoundAtStart => false;

    protected abstract Task RunAsync(TJob job, CancellationToken cancellationToken);

    private readonly Lock roundsGate = new();
    private int roundsEnded;
    private TaskCompletionSource roundEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once <paramref name="count"/> rounds have ended on this node since it started, whether they ran the job,
    /// found the lease taken or failed: for whoever must know that a round happened rather than guess from the time.
    /// </summary>
    public async Task RoundsEndedAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (roundsGate)
            {
                if (roundsEnded >= count)
                {
                    return;
                }
                next = roundEnded.Task;
            }
            await next.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Task? due = RoundAtStart || !Enabled ? null : Task.Delay(Interval, time, stoppingToken);
        while (Enabled && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (due is null)
                {
                    // Off the host's start path: the round's database work must not hold the other services back.
                    await Task.Yield();
                }
                else
                {
                    await due;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                JobLog.RoundFailed(logger, typeof(TJob).Name, ex);
            }
            // The next round's timer is set before this round is reported ended: a clock moved on after the report fires it.
            due = Task.Delay(Interval, time, stoppingToken);
            TaskCompletionSource ended;
            lock (roundsGate)
            {
                roundsEnded++;
                ended = roundEnded;
                roundEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            ended.TrySetResult();
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        if (Lease is not { } lease)
        {
            await RunAsync(job, cancellationToken);
            return;
        }
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(lease.Name, lease.Duration, cancellationToken))
        {
            return;
        }
        try
        {
            await RunAsync(job, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(lease.Name, null, CancellationToken.None);
        }
    }
}

internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "A round of {Job} failed; it tries again at the next one")]
    public static partial void RoundFailed(ILogger logger, string job, Exception exception);
}

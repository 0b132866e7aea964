namespace Tradehall.Core.Notifications;

/// <summary>
/// NTF-02: delivers due outbox messages. Each message is claimed with a short lease before sending,
/// so several nodes can run the worker without sending anything twice.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider time,
    IOptions<NotificationsOptions> options, ILogger<OutboxWorker> logger) : SignalledWorker(signal, logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RoundAsync(CancellationToken cancellationToken)
    {
        while (await DeliverDueAsync(cancellationToken) > 0)
        {
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.UtcNow();
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var id in due)
        {
            if (!await db.Set<OutboxMessage>().TryClaimAsync(id, m => m.SentAt == null, now, Lease, cancellationToken))
            {
                continue;
            }
            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, cancellationToken);
            attempted++;
            try
            {
                if (message.Channel == Channel.Email)
                {
                    await scope.ServiceProvider.GetRequiredService<MailSender>().SendAsync(message, cancellationToken);
                }
                else
                {
                    await scope.ServiceProvider.GetRequiredService<SmsSender>().SendAsync(message, cancellationToken);
                }
                message.SentAt = time.UtcNow();
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.GetType().Name;
                if (message.Attempts >= o.MaxAttempts)
                {
                    message.FailedAt = time.UtcNow();
                }
                else
                {
                    message.NextAttemptAt = time.UtcNow() + o.FirstRetryDelay * Math.Pow(2, message.Attempts - 1);
                }
                LogDeliveryFailed(Logger, message.Id, message.Channel, message.Attempts, ex.GetType().Name);
            }
            message.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        return attempted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {MessageId} by {Channel} failed on attempt {Attempt}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid messageId, Channel channel, int attempt, string error);
}

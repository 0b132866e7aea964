using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Notifications;

/// <summary>NTF-02: queues a message in the caller's unit of work; it is sent only if that unit commits.</summary>
public sealed class Outbox(AppDbContext db, TimeProvider time)
{
    public void Email(Guid? memberId, string to, string subject, string body) => Add(Channel.Email, memberId, to, subject, body);

    public void Sms(Guid? memberId, string to, string text) => Add(Channel.Sms, memberId, to, null, text);

    private void Add(Channel channel, Guid? memberId, string to, string? subject, string body)
    {
        var now = time.UtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Channel = channel,
            MemberId = memberId,
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

/// <summary>Wakes the delivery worker as soon as new messages are saved, instead of at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Raise()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller raised it first; one wake-up is enough.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

internal sealed class OutboxSaveInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null && e.Entity.Attempts == 0))
        {
            signal.Raise();
        }
        return ValueTask.FromResult(result);
    }
}

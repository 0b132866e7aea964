using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tradehall.Core.Notifications;

/// <summary>NTF-02: the outbox table behind <see cref="IOutbox"/>; the delivery worker sends what it holds.</summary>
internal sealed class Outbox(AppDbContext db, TimeProvider time) : IOutbox
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

/// <summary>Wakes the delivery worker as soon as new messages are saved.</summary>
public sealed class OutboxSignal : WakeSignal;

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

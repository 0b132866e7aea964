using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Core.Notifications;

/// <summary>
/// NTF-01, NTF-02: <see cref="Notifier.Add"/> joins the caller's unit of work, so what a new entry
/// brings with it is settled here, as that unit saves: the email and SMS its preferences ask for go
/// into the same transaction (chat messages wait for the digest instead), an entry muted on the site
/// is dropped, and once the change is committed the members' tabs get their new unread count.
/// </summary>
internal sealed class NotificationSaveInterceptor(
    NotificationMail mail, UnreadCounts unreadCounts, TimeProvider time, IOptions<NotificationsOptions> options)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<Notification, Notification> settled = new();

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db)
        {
            return result;
        }
        var all = Added(db);
        // A save that failed and is tried again must not queue the same email twice.
        var added = all.Where(e => !settled.TryGetValue(e.Entity, out _)).ToList();
        if (added.Count == 0)
        {
            unreadCounts.Track(db, all.Select(e => e.Entity.MemberId));
            return result;
        }
        var memberIds = added.Select(e => e.Entity.MemberId).Distinct().ToList();
        var choices = await PreferenceSet.LoadAsync(db, memberIds, options.Value.Defaults, cancellationToken);
        var immediate = added.Select(e => e.Entity)
            .Where(n => n.Type != NotificationType.Message)
            .Select(n => (Entry: n, Email: choices.IsOn(n.MemberId, n.Type, NotificationChannel.Email), Sms: choices.IsOn(n.MemberId, n.Type, NotificationChannel.Sms)))
            .Where(x => x.Email || x.Sms)
            .ToList();
        if (immediate.Count > 0)
        {
            var recipients = await new MemberLookup(db).Rows.Where(m => memberIds.Contains(m.Id))
                .Select(m => new Recipient(m.Id, m.Email, m.Phone, m.PhoneConfirmed, m.FirstName, m.Culture))
                .ToDictionaryAsync(r => r.Id, cancellationToken);
            var outbox = new Outbox(db, time);
            foreach (var (n, email, sms) in immediate)
            {
                if (recipients.TryGetValue(n.MemberId, out var recipient))
                {
                    mail.Immediate(outbox, recipient, n, email, sms);
                }
            }
        }
        foreach (var entry in added)
        {
            settled.AddOrUpdate(entry.Entity, entry.Entity);
        }
        foreach (var entry in added.Where(e => !choices.IsOn(e.Entity.MemberId, e.Entity.Type, NotificationChannel.InApp)))
        {
            entry.State = EntityState.Detached;
        }
        unreadCounts.Track(db, all.Where(e => e.State == EntityState.Added).Select(e => e.Entity.MemberId));
        return result;
    }

    /// <summary>
    /// New entries without a second scan of every tracked entity on each save of the application:
    /// <see cref="Notifier.Add"/> marks them added at once, so change detection has nothing to find.
    /// </summary>
    private static List<EntityEntry<Notification>> Added(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries<Notification>().Where(e => e.State == EntityState.Added)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } context && Added(context).Count > 0
            ? throw new InvalidOperationException("Save notifications with SaveChangesAsync: their preferences are read from the database.")
            : result;

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            unreadCounts.Flush(context);
        }
        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            unreadCounts.Discard(context);
        }
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            unreadCounts.Flush(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            unreadCounts.Discard(context);
        }
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            unreadCounts.Discard(context);
        }
    }
}

namespace Tradehall.Core.Notifications;

/// <summary>One entry as the reader sees it: <c>text</c> is rendered in the request's language.</summary>
public sealed record NotificationItem(Guid Id, NotificationType Type, string Text, string? ActorName, string? Excerpt, string Link,
    DateTime CreatedAt, bool Read);

public sealed record NotificationPage(int Total, int Unread, int Page, int PageSize, int Pages, IReadOnlyList<NotificationItem> Items);

/// <summary>NTF-01: a member's own notifications, newest first; anyone else's are not found.</summary>
public sealed class NotificationCentre(AppDbContext db, TimeProvider time, NotificationTexts texts, UnreadCounts unreadCounts,
    IOptions<NotificationsOptions> options, IStringLocalizer<SharedResource> text)
{
    public async Task<NotificationPage> ListAsync(Guid memberId, bool unreadOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var (number, size) = page.Check(new PageLimits(options.Value.CentrePageSize, options.Value.CentrePageSize), text);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.MemberId == memberId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await mine.CountAsync(cancellationToken);
        var rows = await listed.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(new PageSlice(number, size).Skip).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(n => new NotificationItem(n.Id, n.Type, texts.Headline(n), n.ActorName, texts.Body(n), n.Link,
            n.CreatedAt, n.ReadAt is not null)).ToList();
        return new NotificationPage(total, unread, number, size, Math.Max(1, (total + size - 1) / size), items);
    }

    public Task<int> UnreadAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.MemberId == memberId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks one entry read and answers where it leads.</summary>
    public async Task<string> ReadAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var entry = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("notifications.not_found", "No such notification.");
        if (entry.ReadAt is null)
        {
            entry.ReadAt = time.UtcNow();
            await db.SaveChangesAsync(cancellationToken);
            unreadCounts.Changed(db, [memberId]);
        }
        return entry.Link;
    }

    public async Task ReadAllAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var marked = await db.Set<Notification>().Where(n => n.MemberId == memberId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (marked > 0)
        {
            unreadCounts.Changed(db, [memberId]);
        }
    }
}

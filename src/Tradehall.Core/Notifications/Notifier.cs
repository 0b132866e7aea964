namespace Tradehall.Core.Notifications;

/// <summary>What a module asks the notification centre to tell a member.</summary>
[ModuleApi]
public sealed record NotificationRequest(Guid MemberId, NotificationType Type, string Link, Guid? ActorId = null, string? ActorName = null,
    string? Excerpt = null, string? Group = null, DeferredText? Notice = null);

/// <summary>NTF-01: other modules' one door into the notification centre; entries join the caller's unit of work.</summary>
[ModuleApi]
public sealed class Notifier(AppDbContext db, TimeProvider time, UnreadCounts unreadCounts)
{
    public const int ActorNameLength = 200;
    public const int ExcerptLength = 200;

    public void Add(NotificationRequest request)
    {
        // Links are addresses on this site: the centre redirects to them and emails prefix the public address.
        if (!request.Link.StartsWith('/') || request.Link.StartsWith("//", StringComparison.Ordinal) || request.Link.StartsWith("/\\", StringComparison.Ordinal))
        {
            throw new ArgumentException("A notification links to a site-relative address such as /chats/{id}.", nameof(request));
        }
        db.Set<Notification>().Add(new Notification
        {
            MemberId = request.MemberId,
            Type = request.Type,
            Link = request.Link,
            ActorId = request.ActorId,
            ActorName = Cut(request.ActorName, ActorNameLength),
            Excerpt = Cut(request.Excerpt, ExcerptLength),
            Group = request.Group,
            Notice = request.Notice?.Serialize(),
            CreatedAt = time.UtcNow(),
        });
    }

    /// <summary>
    /// Marks a group read (the member opened the chat), so it leaves the unread count and the next digest.
    /// The member's tabs learn the new count once the change is committed.
    /// </summary>
    public async Task<int> MarkGroupReadAsync(Guid memberId, string group, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var marked = await db.Set<Notification>().Where(n => n.MemberId == memberId && n.Group == group && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (marked > 0)
        {
            unreadCounts.Changed(db, [memberId]);
        }
        return marked;
    }

    private static string? Cut(string? text, int length)
    {
        if (text is null)
        {
            return null;
        }
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }
}

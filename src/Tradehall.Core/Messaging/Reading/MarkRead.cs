using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Settings;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Messaging.Reading;

public sealed record MarkReadRequest(long? UpTo);

public sealed record MarkReadResponse(Guid ChatId, long UpTo, int Count, int Total);

/// <summary>
/// MSG-02: the member has read a chat up to a message (the newest when none is given). The chat's notifications
/// are read with it; the other participant learns of it only when both have read receipts on.
/// </summary>
public sealed class MarkRead(AppDbContext db, ChatAccess access, ChatPreferences preferences, Notifier notifier, ChatUnreadCounts unread,
    LiveChatEvents live)
{
    public async Task<MarkReadResponse> HandleAsync(Guid memberId, Guid chatId, MarkReadRequest request, CancellationToken cancellationToken)
    {
        var membership = await access.MembershipAsync(memberId, chatId, cancellationToken);
        var newest = await db.Set<Message>().Where(m => m.ChatId == chatId).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var upTo = Math.Min(request.UpTo ?? newest, newest);
        var moved = upTo > membership.ReadUpTo;
        if (moved)
        {
            membership.ReadUpTo = upTo;
            await db.SaveChangesAsync(cancellationToken);
        }
        if (upTo >= newest)
        {
            await notifier.MarkGroupReadAsync(memberId, LiveChatEvents.GroupOf(chatId), cancellationToken);
        }
        var counts = await unread.CountsAsync(memberId, chatId, cancellationToken);
        if (moved)
        {
            if (await preferences.ReceiptsOnAsync(memberId, cancellationToken) && await preferences.ReceiptsOnAsync(membership.OtherId, cancellationToken))
            {
                await live.ReadAsync(chatId, memberId, upTo, membership.OtherId, cancellationToken);
            }
            await live.UnreadAsync(memberId, counts, cancellationToken);
        }
        return new MarkReadResponse(chatId, membership.ReadUpTo, counts.Count, counts.Total);
    }
}

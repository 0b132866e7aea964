using Tradehall.Core.Messaging.Chats;

namespace Tradehall.Core.Messaging.Reading;

/// <summary>MSG-02: messages of the other participant after the point a member has read up to.</summary>
public sealed class ChatUnreadCounts(AppDbContext db)
{
    private IQueryable<Message> Unread(Guid memberId) =>
        from member in db.Set<ChatMember>()
        where member.MemberId == memberId
        join message in db.Set<Message>() on member.ChatId equals message.ChatId
        where message.Id > member.ReadUpTo && message.SenderId != memberId
        select message;

    public Task<int> InChatAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken) =>
        Unread(memberId).CountAsync(u => u.ChatId == chatId, cancellationToken);

    /// <summary>Unread in one chat and in all the member's chats, in one query.</summary>
    public async Task<UnreadEvent> CountsAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken)
    {
        var byChat = await ByChat(Unread(memberId)).ToListAsync(cancellationToken);
        return new UnreadEvent(chatId, byChat.Where(c => c.ChatId == chatId).Sum(c => c.Count), byChat.Sum(c => c.Count), byChat.Count);
    }

    /// <summary>How many of the member's chats hold a message they have not read (the header's badge).</summary>
    public Task<int> ChatsWithUnreadAsync(Guid memberId, CancellationToken cancellationToken) =>
        Unread(memberId).Select(m => m.ChatId).Distinct().CountAsync(cancellationToken);

    public async Task<Dictionary<Guid, int>> ByChatAsync(Guid memberId, IReadOnlyCollection<Guid> chatIds, CancellationToken cancellationToken) =>
        await ByChat(Unread(memberId).Where(m => chatIds.Contains(m.ChatId))).ToDictionaryAsync(g => g.ChatId, g => g.Count, cancellationToken);

    private static IQueryable<ChatCount> ByChat(IQueryable<Message> unread) =>
        unread.GroupBy(m => m.ChatId).Select(g => new ChatCount(g.Key, g.Count()));

    private sealed record ChatCount(Guid ChatId, int Count);
}

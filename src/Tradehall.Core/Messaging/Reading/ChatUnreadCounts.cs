using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;
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

    public Task<int> TotalAsync(Guid memberId, CancellationToken cancellationToken) =>
        Unread(memberId).CountAsync(cancellationToken);

    public Task<int> InChatAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken) =>
        Unread(memberId).CountAsync(u => u.ChatId == chatId, cancellationToken);

    public async Task<Dictionary<Guid, int>> ByChatAsync(Guid memberId, IReadOnlyCollection<Guid> chatIds, CancellationToken cancellationToken) =>
        await (from member in db.Set<ChatMember>()
               where member.MemberId == memberId && chatIds.Contains(member.ChatId)
               join message in db.Set<Message>() on member.ChatId equals message.ChatId
               where message.Id > member.ReadUpTo && message.SenderId != memberId
               group message by message.ChatId into g
               select new { ChatId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.ChatId, g => g.Count, cancellationToken);
}

using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging.Reading;

public sealed record LastMessage(long Id, Guid SenderId, string Text, DateTime SentAt);

public sealed record ChatSummary(Guid Id, Guid? ListingId, MemberCard With, LastMessage? LastMessage, int Unread);

/// <summary>MSG-01, MSG-02: the member's chats, most recent first, with the other participant, the last message and unread counts.</summary>
public sealed class ChatList(AppDbContext db, INetwork network, ChatUnreadCounts unread)
{
    /// <summary>How much of the last message a list shows.</summary>
    public const int ExcerptLength = 200;

    public async Task<IReadOnlyList<ChatSummary>> HandleAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var chats = await (from member in db.Set<ChatMember>()
                           where member.MemberId == memberId
                           join chat in db.Set<Chat>() on member.ChatId equals chat.Id
                           orderby chat.LastMessageAt descending
                           select new { chat.Id, chat.ListingId, member.OtherId }).AsNoTracking().ToListAsync(cancellationToken);
        var ids = chats.Select(c => c.Id).ToList();
        var lastIds = await db.Set<Message>().Where(m => ids.Contains(m.ChatId)).GroupBy(m => m.ChatId)
            .Select(g => g.Max(m => m.Id)).ToListAsync(cancellationToken);
        var last = await db.Set<Message>().AsNoTracking().Where(m => lastIds.Contains(m.Id)).ToDictionaryAsync(m => m.ChatId, cancellationToken);
        var counts = await unread.ByChatAsync(memberId, ids, cancellationToken);
        var cards = await network.CardsAsync(chats.Select(c => c.OtherId).Distinct().ToList(), cancellationToken);
        return chats.Select(c => new ChatSummary(c.Id, c.ListingId, Card(cards, c.OtherId),
                last.TryGetValue(c.Id, out var m) ? new LastMessage(m.Id, m.SenderId, Excerpt(m.Text), m.SentAt) : null,
                counts.GetValueOrDefault(c.Id)))
            .ToList();
    }

    /// <summary>A member who has left (erased or disabled) still shows as a placeholder, so the chat stays readable.</summary>
    internal static MemberCard Card(IReadOnlyDictionary<Guid, MemberCard> cards, Guid id) =>
        cards.GetValueOrDefault(id) ?? new MemberCard(id, "", "");

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)] + "…";
}

using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Settings;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging.Reading;

public sealed record HistoryMessage(long Id, Guid SenderId, string Text, DateTime SentAt, IReadOnlyList<AttachmentView> Attachments);

/// <summary>
/// One page of a chat, oldest first. <see cref="Before"/> is what to pass as <c>before</c> for the older page
/// (null when there is none). <see cref="OtherReadUpTo"/> is the other participant's read receipt, shown only
/// when both participants have receipts on.
/// </summary>
public sealed record HistoryPage(Guid ChatId, Guid? ListingId, MemberCard With, IReadOnlyList<HistoryMessage> Items, long? Before, long? OtherReadUpTo, int Unread);

/// <summary>MSG-03: paged history. <c>before</c> is a message id (exclusive) or an ISO 8601 instant; <c>limit</c> is capped by the options.</summary>
public sealed class History(AppDbContext db, INetwork network, ChatAccess access, ChatPreferences preferences, ChatUnreadCounts unread, IOptions<MessagingOptions> options)
{
    public async Task<HistoryPage> HandleAsync(Guid memberId, Guid chatId, string? before, int? limit, CancellationToken cancellationToken)
    {
        var membership = await access.MembershipAsync(memberId, chatId, cancellationToken);
        var size = PageSize(limit);
        var query = db.Set<Message>().AsNoTracking().Where(m => m.ChatId == chatId);
        if (!string.IsNullOrWhiteSpace(before))
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                query = query.Where(m => m.Id < id);
            }
            else if (DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                var at = instant.UtcDateTime;
                query = query.Where(m => m.SentAt < at);
            }
            else
            {
                throw DomainException.Field("messaging.before_invalid", "before", "Give a message id or an ISO 8601 date and time.");
            }
        }
        var rows = await query.OrderByDescending(m => m.Id).Take(size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > size;
        var page = rows.Take(size).Reverse().ToList();
        var items = await WithAttachmentsAsync(page, cancellationToken);

        var chat = await db.Set<Chat>().AsNoTracking().FirstAsync(c => c.Id == chatId, cancellationToken);
        var cards = await network.CardsAsync([membership.OtherId], cancellationToken);
        long? otherRead = null;
        if (await preferences.ReceiptsOnAsync(memberId, cancellationToken) && await preferences.ReceiptsOnAsync(membership.OtherId, cancellationToken))
        {
            otherRead = await db.Set<ChatMember>().Where(m => m.ChatId == chatId && m.MemberId == membership.OtherId)
                .Select(m => m.ReadUpTo).FirstAsync(cancellationToken);
        }
        return new HistoryPage(chatId, chat.ListingId, ChatList.Card(cards, membership.OtherId), items, more ? page[0].Id : null, otherRead,
            await unread.InChatAsync(memberId, chatId, cancellationToken));
    }

    /// <summary>One message of a chat, e.g. when a live event was too large to carry its text.</summary>
    public async Task<HistoryMessage> MessageAsync(Guid memberId, Guid chatId, long messageId, CancellationToken cancellationToken)
    {
        await access.MembershipAsync(memberId, chatId, cancellationToken);
        var message = await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.ChatId == chatId && m.Id == messageId, cancellationToken)
            ?? throw DomainException.NotFound("messaging.message_not_found", "There is no such message in this chat.");
        return (await WithAttachmentsAsync([message], cancellationToken))[0];
    }

    private int PageSize(int? limit)
    {
        if (limit is < 1)
        {
            throw DomainException.Field("messaging.limit_invalid", "limit", "The limit must be at least 1.");
        }
        return Math.Min(limit ?? options.Value.HistoryPageSize, options.Value.MaxHistoryPageSize);
    }

    private async Task<List<HistoryMessage>> WithAttachmentsAsync(List<Message> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var files = (await db.Set<Attachment>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId);
        return messages.Select(m => new HistoryMessage(m.Id, m.SenderId, m.Text, m.SentAt,
            files[m.Id].Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList())).ToList();
    }
}

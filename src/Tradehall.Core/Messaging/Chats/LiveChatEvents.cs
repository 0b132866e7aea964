using Tradehall.Core.Messaging.Reading;

namespace Tradehall.Core.Messaging.Chats;

/// <summary>A file as a live event and the history describe it.</summary>
public sealed record AttachmentView(Guid Id, string Name, string ContentType, long Size);

/// <summary>
/// A message as a live event carries it. <see cref="Text"/> is null and <see cref="Truncated"/> true when the
/// text is too long for an event; the client then fetches the message from the history.
/// </summary>
public sealed record LiveMessage(long Id, Guid SenderId, string? Text, bool Truncated, DateTime SentAt, IReadOnlyList<AttachmentView> Attachments);

public sealed record MessageEvent(Guid ChatId, LiveMessage Message);

public sealed record ReadEvent(Guid ChatId, Guid ReaderId, long UpTo);

/// <summary>Unread messages in one chat and in all, and how many chats hold any (the header's badge).</summary>
public sealed record UnreadEvent(Guid ChatId, int Count, int Total, int Chats);

/// <summary>
/// MSG-02: what chats announce through <see cref="ILiveEvents"/>, always after the change is committed.
/// Event names: <c>message</c>, <c>read</c>, <c>unread</c>.
/// </summary>
public sealed class LiveChatEvents(ILiveEvents live, ChatUnreadCounts unread, IOptions<MessagingOptions> options)
{
    public const string MessageName = "message";
    public const string ReadName = "read";
    public const string UnreadName = "unread";

    /// <summary>The notification group of a chat: its entries are read together (NTF-01) and digested together (NTF-03).</summary>
    public static string GroupOf(Guid chatId) => $"chat:{chatId:N}";

    /// <summary>To every tab of both participants (the sender's other tabs too), then the recipient's counters.</summary>
    public async Task MessageAsync(Message message, IReadOnlyList<Attachment> attachments, Guid recipientId, CancellationToken cancellationToken)
    {
        var fits = Encoding.UTF8.GetByteCount(message.Text) <= options.Value.LiveTextBytes;
        var payload = new MessageEvent(message.ChatId, new LiveMessage(message.Id, message.SenderId, fits ? message.Text : null, !fits, message.SentAt,
            attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList()));
        await live.PublishAsync([message.SenderId, recipientId], MessageName, payload, cancellationToken);
        await UnreadAsync(recipientId, await unread.CountsAsync(recipientId, message.ChatId, cancellationToken), cancellationToken);
    }

    public Task ReadAsync(Guid chatId, Guid readerId, long upTo, Guid otherId, CancellationToken cancellationToken) =>
        live.PublishAsync([otherId], ReadName, new ReadEvent(chatId, readerId, upTo), cancellationToken);

    /// <summary>The member's counters for one chat and in total, so every open tab shows the same badges.</summary>
    public Task UnreadAsync(Guid memberId, UnreadEvent counts, CancellationToken cancellationToken) =>
        live.PublishAsync([memberId], UnreadName, counts, cancellationToken);
}

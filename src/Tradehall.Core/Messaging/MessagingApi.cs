using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Messaging.Sending;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging;

/// <summary>A chat as seen by one of its two participants; <see cref="Group"/> is its notification group (NTF-01).</summary>
[ModuleApi]
public sealed record ChatParticipants(Guid ChatId, Guid MemberId, Guid OtherId, Guid? ListingId, string Group);

[ModuleApi]
public sealed record PostedMessage(long Id, DateTime SentAt);

/// <summary>MKT-03, ANL-04: a new chat about a listing was committed; the marketplace counts it as an inquiry.</summary>
[ModuleApi]
public sealed record InquiryStarted(Guid ChatId, Guid ListingId, Guid MemberId);

/// <summary>
/// MKT-03: whether a listing takes inquiries to this member — answered by the module that keeps listings, so a chat
/// about a listing is checked without messaging knowing what a listing is.
/// </summary>
[ModuleApi]
public interface IListingInquiries
{
    /// <summary>True when the listing exists, is active and belongs to <paramref name="addresseeId"/>.</summary>
    Task<bool> IsOpenToInquiriesAsync(Guid listingId, Guid addresseeId, CancellationToken cancellationToken);
}

/// <summary>The messaging module's public surface for other modules (quotes in a chat, MKT-08).</summary>
[ModuleApi]
public interface IMessaging
{
    /// <summary>The chat as <paramref name="memberId"/> takes part in it; anyone else is told it does not exist (404, MSG-01).</summary>
    Task<ChatParticipants> ParticipantsAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a message with every check and effect of a member's own message (block, sandbox, notification, live event).
    /// <paramref name="alongside"/> adds the caller's rows for the message once its id is known, in the message's transaction.
    /// </summary>
    Task<PostedMessage> PostAsync(Guid senderId, Guid chatId, string text, Action<long>? alongside, CancellationToken cancellationToken);

    /// <summary>MSG-02: how many of the member's chats hold a message they have not read.</summary>
    Task<int> ChatsWithUnreadAsync(Guid memberId, CancellationToken cancellationToken);
}

internal sealed class MessagingApi(AppDbContext db, ChatAccess access, SendMessage send, ChatUnreadCounts unread) : IMessaging
{
    public async Task<ChatParticipants> ParticipantsAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken)
    {
        var membership = await access.MembershipAsync(memberId, chatId, cancellationToken);
        var listingId = await db.Set<Chat>().Where(c => c.Id == chatId).Select(c => c.ListingId).FirstAsync(cancellationToken);
        return new ChatParticipants(chatId, memberId, membership.OtherId, listingId, LiveChatEvents.GroupOf(chatId));
    }

    public async Task<PostedMessage> PostAsync(Guid senderId, Guid chatId, string text, Action<long>? alongside, CancellationToken cancellationToken)
    {
        var sent = await send.SendAsync(senderId, chatId, text, null, alongside, cancellationToken);
        return new PostedMessage(sent.Id, sent.SentAt);
    }

    public Task<int> ChatsWithUnreadAsync(Guid memberId, CancellationToken cancellationToken) => unread.ChatsWithUnreadAsync(memberId, cancellationToken);
}

/// <summary>MSG-02: on the home page, how many chats wait with unread messages.</summary>
internal sealed class MessagingHome(ChatUnreadCounts unread) : IHomeContribution
{
    public async Task AddToAsync(HomeProgress progress, CancellationToken cancellationToken) =>
        progress.UnreadChats = await unread.ChatsWithUnreadAsync(progress.MemberId, cancellationToken);
}

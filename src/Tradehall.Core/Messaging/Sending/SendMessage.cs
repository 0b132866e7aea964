using Tradehall.Core.Messaging.Attachments;
using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Network;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Messaging.Sending;

public sealed record StartChatRequest(string? To, Guid? ListingId, string? Text);

public sealed record StartChatResponse(Guid ChatId, long MessageId);

public sealed record SendMessageRequest(string? Text);

public sealed record SentMessage(long Id, DateTime SentAt, Guid? AttachmentId = null);

/// <summary>A file as the client sent it; its name is only a display name, its type is sniffed (MSG-04).</summary>
public sealed record Upload(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// MSG-01, MSG-02, MSG-04, MSG-05: writing to a member (a new chat or the pair's existing one) and writing into
/// a chat. Every message is checked (block, rate, sandbox, size), committed with the recipient's notification,
/// and only then announced live to both participants.
/// </summary>
public sealed class SendMessage(AppDbContext db, INetwork network, IListingInquiries listings, DomainEvents events, ChatAccess access, Sandbox sandbox,
    IFileStore files, Notifier notifier, LiveChatEvents live, Moderation.MemberRestrictions restrictions, IOptions<MessagingOptions> options, TimeProvider time)
{
    private MessagingOptions Limits => options.Value;

    // Both members wrote first at the same moment: the other chat won the pair's unique key, so write into it.
    public Task<StartChatResponse> StartAsync(Guid memberId, StartChatRequest request, CancellationToken cancellationToken) =>
        db.RetryOnceAsync(() => StartOnceAsync(memberId, request, cancellationToken));

    private async Task<StartChatResponse> StartOnceAsync(Guid memberId, StartChatRequest request, CancellationToken cancellationToken)
    {
        var text = CheckText(request.Text, attachment: false);
        var addressee = await AddresseeAsync(memberId, request.To, cancellationToken);
        var key = Chat.KeyOf(memberId, addressee.Id, request.ListingId);
        var chat = await db.Set<Chat>().FirstOrDefaultAsync(c => c.PairKey == key, cancellationToken);
        var isNew = chat is null;
        if (chat is null)
        {
            if (request.ListingId is { } listingId)
            {
                await CheckListingAsync(listingId, addressee.Id, cancellationToken);
            }
            await sandbox.CheckNewChatAsync(memberId, cancellationToken);
            var now = time.UtcNow();
            chat = new Chat { PairKey = key, ListingId = request.ListingId, StartedBy = memberId, CreatedAt = now, LastMessageAt = now };
            db.Set<Chat>().Add(chat);
            db.Set<ChatMember>().AddRange(
                new ChatMember { ChatId = chat.Id, MemberId = memberId, OtherId = addressee.Id },
                new ChatMember { ChatId = chat.Id, MemberId = addressee.Id, OtherId = memberId });
        }
        var sent = await AppendAsync(chat, memberId, addressee.Id, text, null, null, cancellationToken);
        if (isNew && chat.ListingId is { } about)
        {
            await events.PublishAsync(new InquiryStarted(chat.Id, about, memberId), cancellationToken);
        }
        return new StartChatResponse(chat.Id, sent.Id);
    }

    /// <summary>MKT-03: an inquiry is about an active listing of the addressee.</summary>
    private async Task CheckListingAsync(Guid listingId, Guid addresseeId, CancellationToken cancellationToken)
    {
        if (!await listings.IsOpenToInquiriesAsync(listingId, addresseeId, cancellationToken))
        {
            throw DomainException.Field("messaging.listing_invalid", "listingId", "The listing is not open to inquiries to this member.");
        }
    }

    public async Task<SentMessage> SendAsync(Guid memberId, Guid chatId, SendMessageRequest request, CancellationToken cancellationToken) =>
        await SendAsync(memberId, chatId, request.Text, null, cancellationToken);

    /// <summary>A message with a file and an optional text (MSG-04).</summary>
    public async Task<SentMessage> SendAsync(Guid memberId, Guid chatId, string? text, Upload? upload, CancellationToken cancellationToken) =>
        await SendAsync(memberId, chatId, text, upload, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="alongside"/> adds rows that belong to the message (another module's record of it)
    /// once its id is known, so they are committed in the message's transaction or not at all.
    /// </summary>
    public async Task<SentMessage> SendAsync(Guid memberId, Guid chatId, string? text, Upload? upload, Action<long>? alongside,
        CancellationToken cancellationToken)
    {
        var membership = await access.MembershipAsync(memberId, chatId, cancellationToken);
        var clean = CheckText(text, attachment: upload is not null);
        if (await network.HasBlockedAsync(membership.OtherId, memberId, cancellationToken))
        {
            throw Blocked();
        }
        var chat = await db.Set<Chat>().FirstAsync(c => c.Id == chatId, cancellationToken);
        return await AppendAsync(chat, memberId, membership.OtherId, clean, upload, alongside, cancellationToken);
    }

    private async Task<MemberCard> AddresseeAsync(Guid memberId, string? to, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            throw DomainException.Field("messaging.to_required", "to", "Say whom to write to.");
        }
        var addressee = await network.FindMemberAsync(to, cancellationToken)
            ?? throw DomainException.NotFound("messaging.member_not_found", "There is no such member.");
        if (addressee.Id == memberId)
        {
            throw DomainException.Field("messaging.self", "to", "You cannot write to yourself.");
        }
        if (await network.HasBlockedAsync(addressee.Id, memberId, cancellationToken))
        {
            throw Blocked();
        }
        return addressee;
    }

    private static DomainException Blocked() =>
        DomainException.Forbidden("messaging.blocked", "This member does not accept messages from you.");

    private string CheckText(string? text, bool attachment)
    {
        // Line breaks are kept; only the ends are trimmed.
        var clean = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (clean.Length == 0 && !attachment)
        {
            throw DomainException.Field("messaging.text_required", "text", "Write a message.");
        }
        if (clean.Length > Limits.MaxTextLength)
        {
            throw DomainException.Field("messaging.text_too_long", "text", "The message is too long.");
        }
        return clean;
    }

    private async Task<SentMessage> AppendAsync(Chat chat, Guid senderId, Guid recipientId, string text, Upload? upload, Action<long>? alongside,
        CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        // OPS-02: a member restricted from messaging (or suspended) cannot write.
        await restrictions.EnsureAllowedAsync(senderId, Moderation.Restrictions.Messaging, cancellationToken);
        await sandbox.CheckRateAsync(senderId, now, cancellationToken);
        await sandbox.CheckContentAsync(senderId, chat.Id, text, upload is not null, cancellationToken);
        var stored = upload is null ? null : await StoreAsync(upload, cancellationToken);

        var sender = (await network.CardsAsync([senderId], cancellationToken)).GetValueOrDefault(senderId);
        var message = new Message { ChatId = chat.Id, SenderId = senderId, Text = text, SentAt = now };
        Attachment? attachment = null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Set<Message>().Add(message);
            chat.LastMessageAt = now;
            await db.SaveChangesAsync(cancellationToken);
            if (stored is { } file)
            {
                attachment = new Attachment
                {
                    ChatId = chat.Id,
                    MessageId = message.Id,
                    StorageKey = file.Key,
                    FileName = file.Name,
                    ContentType = file.ContentType,
                    Size = file.Size,
                };
                db.Set<Attachment>().Add(attachment);
            }
            alongside?.Invoke(message.Id);
            // The writer has read what they wrote.
            await db.Set<ChatMember>().Where(m => m.ChatId == chat.Id && m.MemberId == senderId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadUpTo, message.Id), cancellationToken);
            notifier.Add(new NotificationRequest(recipientId, NotificationType.Message, $"/chats/{chat.Id}", senderId, sender?.Name,
                text.Length > 0 ? text : attachment?.FileName, LiveChatEvents.GroupOf(chat.Id)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            if (stored is { } orphan)
            {
                await files.DeleteAsync(orphan.Key, CancellationToken.None);
            }
            throw;
        }
        await live.MessageAsync(message, attachment is null ? [] : [attachment], recipientId, cancellationToken);
        return new SentMessage(message.Id, message.SentAt, attachment?.Id);
    }

    private sealed record StoredFile(string Key, string Name, string ContentType, long Size);

    private async Task<StoredFile> StoreAsync(Upload upload, CancellationToken cancellationToken)
    {
        var name = FileNames.Sanitise(upload.FileName);
        if (upload.Length == 0)
        {
            throw DomainException.Field("messaging.file_empty", "file", "The file is empty.");
        }
        if (upload.Length > Limits.MaxAttachmentBytes)
        {
            throw DomainException.Field("messaging.file_too_large", "file", "The file is larger than allowed.");
        }
        if (!FileSniffer.IsAcceptedName(name))
        {
            throw DomainException.Field("messaging.file_type", "file", "Send a PDF, an image (JPEG, PNG, WebP, GIF) or an office document.");
        }
        using var content = new MemoryStream();
        await using (var source = upload.Open())
        {
            await source.CopyToAsync(content, cancellationToken);
        }
        if (content.Length > Limits.MaxAttachmentBytes)
        {
            throw DomainException.Field("messaging.file_too_large", "file", "The file is larger than allowed.");
        }
        var head = content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, 16));
        var contentType = FileSniffer.ContentTypeOf(head, content, name)
            ?? throw DomainException.Field("messaging.file_mismatch", "file", "The file's content does not match its name.");
        content.Position = 0;
        var key = await files.SaveAsync("chat-files", content, cancellationToken);
        return new StoredFile(key, name, contentType, content.Length);
    }
}

using Tradehall.Core.Messaging.Chats;

namespace Tradehall.Core.Messaging.Attachments;

public sealed record AttachmentFile(Stream Content, string FileName, string ContentType);

/// <summary>MSG-01, MSG-04: a chat's file, for its participants only (404 for anyone else).</summary>
public sealed class Download(AppDbContext db, ChatAccess access, IFileStore files)
{
    public async Task<AttachmentFile> HandleAsync(Guid memberId, Guid chatId, Guid attachmentId, CancellationToken cancellationToken)
    {
        await access.MembershipAsync(memberId, chatId, cancellationToken);
        var attachment = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ChatId == chatId, cancellationToken);
        var content = attachment is null ? null : files.Open(attachment.StorageKey);
        if (attachment is null || content is null)
        {
            throw DomainException.NotFound("messaging.file_not_found", "There is no such file.");
        }
        return new AttachmentFile(content, attachment.FileName, attachment.ContentType);
    }
}

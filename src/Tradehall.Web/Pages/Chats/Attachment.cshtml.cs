using Tradehall.Core.Messaging.Attachments;

namespace Tradehall.Web.Pages.Chats;

/// <summary>MSG-04, SEC-07: a chat's file for a signed-in participant; always a download, with the sniffed type.</summary>
[Authorize]
public sealed class AttachmentModel(Download download) : ChatPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid chatId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var file = await download.HandleAsync(User.MemberId(), chatId, attachmentId, cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}

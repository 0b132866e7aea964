using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;
using Tradehall.Core.Messaging;
using Tradehall.Core.Messaging.Complaints;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Messaging.Sending;
using Tradehall.Core.Messaging.Settings;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Pages.Chats;

/// <summary>
/// MSG-01..05: one chat. Every action is a form that works without JavaScript (post, then redirect);
/// chats.js posts the same handlers with <c>Accept: application/json</c> and updates the page live.
/// Opening the page changes nothing (SEC-04): a reply, the "mark as read" button or the script marks the chat read.
/// </summary>
[Authorize]
public sealed class ChatModel(History history, SendMessage send, MarkRead markRead, ReportMessage report, ChatPreferences preferences,
    IOptions<MessagingOptions> options) : ChatPageModel
{
    public HistoryPage Chat { get; private set; } = null!;

    public bool ReceiptsOn { get; private set; }

    public MessagingOptions Limits => options.Value;

    public Guid Me => User.MemberId();

    [BindProperty] public string? Text { get; set; }
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    /// <summary>An older page is shown: the send form and the newest messages are a link away.</summary>
    public bool Paged { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? before, CancellationToken cancellationToken)
    {
        Paged = long.TryParse(before, out _);
        await LoadAsync(id, Paged ? before : null, cancellationToken);
        return Page();
    }

    /// <summary>One message, for a live event too large to carry its text.</summary>
    public async Task<IActionResult> OnGetMessageAsync(Guid id, long messageId, CancellationToken cancellationToken) =>
        new JsonResult(await history.MessageAsync(User.MemberId(), id, messageId, cancellationToken));

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        SentMessage sent;
        try
        {
            var upload = Upload is { } file ? new Upload(file.FileName, file.Length, file.OpenReadStream) : null;
            sent = await send.SendAsync(User.MemberId(), id, Text, upload, cancellationToken);
        }
        catch (DomainException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            if (WantsJson)
            {
                return Problem(e);
            }
            ShowErrors(e, nameof(Text), "File");
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }
        if (WantsJson)
        {
            return new JsonResult(await history.MessageAsync(User.MemberId(), id, sent.Id, cancellationToken)) { StatusCode = StatusCodes.Status201Created };
        }
        return LocalRedirect($"/chats/{id}#m-{sent.Id}");
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, long? upTo, CancellationToken cancellationToken)
    {
        var result = await markRead.HandleAsync(User.MemberId(), id, new MarkReadRequest(upTo), cancellationToken);
        return WantsJson ? new JsonResult(result) : LocalRedirect($"/chats/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, long messageId, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            await report.HandleAsync(User.MemberId(), id, messageId, new ReportRequest(reason), cancellationToken);
        }
        catch (DomainException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            ModelState.Clear();
            ShowErrors(e);
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }
        Notice(L["Thank you. The operator will review the message."]);
        return LocalRedirect($"/chats/{id}#m-{messageId}");
    }

    private async Task LoadAsync(Guid id, string? before, CancellationToken cancellationToken)
    {
        Chat = await history.HandleAsync(User.MemberId(), id, before, null, cancellationToken);
        ReceiptsOn = await preferences.ReceiptsOnAsync(User.MemberId(), cancellationToken);
    }
}

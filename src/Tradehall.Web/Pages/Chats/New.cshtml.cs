using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Sending;

namespace Tradehall.Web.Pages.Chats;

/// <summary>
/// MSG-01: the "Write" form — to a member by handle (<c>/chats/new?to=handle</c>), optionally about a listing. The
/// "Message" buttons on pages and listings lead here; when the pair already has that chat, it opens instead.
/// </summary>
[Authorize]
public sealed class NewModel(SendMessage send, INetwork network, ChatAccess chats, IOptions<MessagingOptions> options) : ChatPageModel
{
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Listing { get; set; }
    [BindProperty] public string? Text { get; set; }

    /// <summary>The addressee when the address names a member, shown instead of the handle field.</summary>
    public MemberCard? Addressee { get; private set; }

    public MessagingOptions Limits => options.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        if (Addressee is { } addressee && await chats.ExistingAsync(User.MemberId(), addressee.Id, Listing, cancellationToken) is { } chatId)
        {
            return LocalRedirect($"/chats/{chatId}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var started = default(StartChatResponse);
        if (await TryAsync(async () => started = await send.StartAsync(User.MemberId(), new StartChatRequest(To, Listing, Text), cancellationToken),
                nameof(To), nameof(Text)))
        {
            return LocalRedirect($"/chats/{started!.ChatId}#m-{started.MessageId}");
        }
        await FindAsync(cancellationToken);
        return Page();
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        Addressee = string.IsNullOrWhiteSpace(To) ? null : await network.FindMemberAsync(To, cancellationToken);
        if (Addressee?.Id == User.MemberId())
        {
            Addressee = null;
        }
    }
}

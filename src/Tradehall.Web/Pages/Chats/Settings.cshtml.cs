using Tradehall.Core.Messaging.Settings;

namespace Tradehall.Web.Pages.Chats;

/// <summary>MSG-02: read receipts, which a member may switch off for themselves.</summary>
[Authorize]
public sealed class SettingsModel(ChatPreferences preferences) : ChatPageModel
{
    [BindProperty] public bool ReadReceipts { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        ReadReceipts = (await preferences.GetAsync(User.MemberId(), cancellationToken)).ReadReceipts;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await preferences.SaveAsync(User.MemberId(), new ChatSettingsRequest(ReadReceipts), cancellationToken);
        Notice(L["Chat settings saved."]);
        return LocalRedirect("/chats/settings");
    }
}

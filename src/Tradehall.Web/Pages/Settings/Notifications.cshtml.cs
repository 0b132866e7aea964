using Tradehall.Core.Notifications;
using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Web.Pages.Settings;

/// <summary>NTF-01: which notifications reach the member on the site, by email and by SMS; a table of checkboxes.</summary>
public sealed class NotificationsModel(NotificationPreferences preferences, NotificationTexts texts) : TradehallPageModel
{
    public IReadOnlyList<PreferenceView> Rows { get; private set; } = [];

    public NotificationTexts Texts => texts;

    /// <summary>Each box has a name of its own ("Marketing-Email"), sent only when ticked.</summary>
    public static string Key(NotificationType type, NotificationChannel channel) => $"{type}-{channel}";

    public static bool IsOn(PreferenceView row, NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => row.InApp,
        NotificationChannel.Email => row.Email,
        _ => row.Sms,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = (await preferences.GetAsync(User.MemberId(), cancellationToken)).Preferences;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        bool Ticked(NotificationType type, NotificationChannel channel) => Request.Form.ContainsKey(Key(type, channel));
        // An unticked box sends nothing, so every box of the table is read as on or off.
        var request = new PreferencesRequest([.. NotificationPreferences.Types.Select(t => new PreferenceChange(t,
            NotificationPreferences.IsFixed(t, NotificationChannel.InApp) ? null : Ticked(t, NotificationChannel.InApp),
            Ticked(t, NotificationChannel.Email), Ticked(t, NotificationChannel.Sms)))]);
        if (await TryAsync(() => preferences.UpdateAsync(User.MemberId(), request, cancellationToken)))
        {
            Notice(L["Your notification choices are saved."]);
            return LocalRedirect("/settings/notifications");
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }
}

using Tradehall.Core.Accounts.Sessions;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-07: where the member is signed in, and ending a session on another device.</summary>
public sealed class SessionsModel(AccountSessions sessions) : TradehallPageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == SessionTicketStore.CurrentSession(User))
        {
            // This device signs out through the sign-out button, which also clears the cookie.
            return LocalRedirect("/account/sign-out");
        }
        return await SubmitAsync(() => sessions.EndAsync(User.MemberId(), id, cancellationToken),
            L["The session has ended. That device is signed out."], "/settings/sessions", () => LoadAsync(cancellationToken));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Sessions = await sessions.ListAsync(User.MemberId(), SessionTicketStore.CurrentSession(User), cancellationToken);

    /// <summary>A short, readable name for a browser from its user-agent string.</summary>
    public static string Browser(string? agent)
    {
        if (string.IsNullOrWhiteSpace(agent))
        {
            return "—";
        }
        string[] browsers = ["Edg/", "OPR/", "YaBrowser/", "Firefox/", "Chrome/", "Safari/", "curl/"];
        var name = browsers.FirstOrDefault(b => agent.Contains(b, StringComparison.Ordinal)) switch
        {
            "Edg/" => "Edge",
            "OPR/" => "Opera",
            "YaBrowser/" => "Yandex Browser",
            "Firefox/" => "Firefox",
            "Chrome/" => "Chrome",
            "Safari/" => "Safari",
            "curl/" => "curl",
            _ => null,
        };
        string[] systems = ["Android", "iPhone", "iPad", "Windows", "Mac OS X", "Linux"];
        var system = systems.FirstOrDefault(s => agent.Contains(s, StringComparison.Ordinal)) switch
        {
            "Mac OS X" => "macOS",
            { } s => s,
            null => null,
        };
        return name is null ? (agent.Length > 60 ? agent[..60] + "…" : agent) : system is null ? name : $"{name}, {system}";
    }
}

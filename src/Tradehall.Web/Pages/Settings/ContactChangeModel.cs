namespace Tradehall.Web.Pages.Settings;

/// <summary>
/// ACC-08: what changing the sign-in address and changing the number share: the one in use is shown, and a change is asked for
/// with the current password.
/// </summary>
public abstract class ContactChangeModel(GetMe me) : TradehallPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }

    /// <summary>The address or number in use now.</summary>
    public string? Current { get; private set; }

    public async Task OnGetAsync() => Current = InUse(await me.HandleAsync(User.MemberId()));

    /// <summary>Which of the member's contacts the page changes.</summary>
    protected abstract string? InUse(MeResponse member);
}

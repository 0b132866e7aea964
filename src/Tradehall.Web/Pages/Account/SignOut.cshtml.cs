namespace Tradehall.Web.Pages.Account;

/// <summary>SEC-03, SEC-04: signing out is a POST and ends the session on the server; GET only asks.</summary>
public sealed class SignOutModel(SignInFlows flows) : TradehallPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await flows.SignOutAsync(User.MemberId(), cancellationToken);
            Notice(L["You are signed out."]);
        }
        return LocalRedirect(LocalOr(returnUrl));
    }
}

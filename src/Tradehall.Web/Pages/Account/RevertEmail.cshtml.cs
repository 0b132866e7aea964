using Microsoft.AspNetCore.Authentication;
using Tradehall.Core.Accounts.Email;

namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-08: the "this wasn't me" link sent to the previous address; the button (a POST) restores it.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class RevertEmailModel(EmailFlows emails) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError(string.Empty, L["This link is not valid. Request a new one."]);
            return Page();
        }
        if (!await TryAsync(() => emails.RevertChangeAsync(new RevertEmailRequest(Token), cancellationToken)))
        {
            return Page();
        }
        if (User.Identity?.IsAuthenticated == true)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
        Notice(L["Your address is restored and every session has ended. We sent you a link to choose a new password."]);
        return LocalRedirect("/account/sign-in");
    }
}

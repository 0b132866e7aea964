using Tradehall.Core.Accounts.Email;

namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-08: the link sent to a new address; the button (a POST) makes it the sign-in address.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class ConfirmEmailChangeModel(EmailFlows emails) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(Token) || string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError(string.Empty, L["This link is not valid. Request a new one."]);
            return Page();
        }
        if (!await TryAsync(() => emails.ConfirmChangeAsync(new ConfirmEmailChangeRequest(Token, Email), cancellationToken)))
        {
            return Page();
        }
        Notice(L["Your sign-in email address is now {0}.", Email]);
        return LocalRedirect(User.Identity?.IsAuthenticated == true ? "/settings" : "/account/sign-in");
    }
}

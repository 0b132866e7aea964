using Tradehall.Core.Accounts.Email;

namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-02: the emailed link opens this page; only the button (a POST) uses the token (SEC-04).</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class ConfirmEmailModel(EmailFlows emails) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await TryAsync(() => emails.ConfirmAsync(new ConfirmEmailRequest(Token), cancellationToken)))
        {
            return Page();
        }
        Notice(L["Your email address is confirmed. Thank you!"]);
        return LocalRedirect("/");
    }
}

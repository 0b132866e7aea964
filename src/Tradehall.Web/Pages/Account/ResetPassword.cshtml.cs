namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-08: the emailed reset link leads here; a new password ends every session (SEC-03).</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class ResetPasswordModel(SignInFlows flows) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (BlankPassword(Password, nameof(Password), L["Choose a new password."]))
        {
            return Page();
        }
        return await SubmitAsync(() => flows.ResetPasswordAsync(new ResetPasswordRequest(Token ?? "", Password), cancellationToken),
            L["Your password has been changed. Sign in with the new password."], "/account/sign-in", () => Task.CompletedTask, nameof(Password));
    }
}

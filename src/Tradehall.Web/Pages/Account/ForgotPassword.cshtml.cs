namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-08: ask for a password reset link; the answer never says whether the address has an account.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class ForgotPasswordModel(SignInFlows flows, IOptions<AccountsOptions> options) : TradehallPageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public int LinkMinutes => (int)options.Value.EmailLinkLifetime.TotalMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Sent = !Blank(Email, nameof(Email), L["Enter your email address."])
            && await TryAsync(() => flows.RequestPasswordResetAsync(new ForgotPasswordRequest(Email), cancellationToken));
        return Page();
    }
}

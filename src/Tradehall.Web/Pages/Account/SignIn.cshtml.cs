namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-05, ACC-07: email and password, with lockout; a second factor when the account has one.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class SignInModel(SignInFlows flows, IOptions<AccountsOptions> options) : TradehallPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(LocalOr(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AlreadySignedIn() is { } signedIn)
        {
            return signedIn;
        }
        ModelState.Clear();
        // Both checked, so an empty form names both fields at once.
        if (Blank(Email, nameof(Email), L["Enter your email address."]) | BlankPassword(Password, nameof(Password), L["Enter your password."]))
        {
            return Page();
        }
        var outcome = await flows.PasswordAsync(Email!, Password!, RememberMe, cancellationToken);
        switch (outcome)
        {
            case PasswordSignInOutcome.SignedIn:
                return LocalRedirect(LocalOr(ReturnUrl));
            case PasswordSignInOutcome.NeedsSecondFactor:
                return RedirectToPage("/Account/SecondFactor", new { rememberMe = RememberMe, returnUrl = LocalOr(ReturnUrl) });
            case PasswordSignInOutcome.LockedOut:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(string.Empty, L["Too many failed sign-ins. The account is locked for {0} minutes. Try again later, or reset your password.", (int)options.Value.LockoutDuration.TotalMinutes]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, L["The email or password is not correct."]);
                return Page();
        }
    }
}

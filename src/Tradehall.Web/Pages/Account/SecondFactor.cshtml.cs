namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-09: the second step of signing in — an authenticator code or a recovery code.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class SecondFactorModel(SignInFlows flows, SignInManager<Member> signIn) : TradehallPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Use one of the recovery codes instead of the app.</summary>
    [BindProperty(SupportsGet = true)] public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Expired() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AlreadySignedIn() is { } signedIn)
        {
            return signedIn;
        }
        ModelState.Clear();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Expired();
        }
        if (Blank(Code, nameof(Code), Recovery ? L["Enter one of your recovery codes."] : L["Enter the 6-digit code from your authenticator app."]))
        {
            return Page();
        }
        var outcome = await flows.SecondFactorAsync(Code, Recovery, RememberMe, cancellationToken);
        switch (outcome)
        {
            case PasswordSignInOutcome.SignedIn:
                return LocalRedirect(LocalOr(ReturnUrl));
            case PasswordSignInOutcome.LockedOut:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(string.Empty, L["Too many failed sign-ins. The account is locked for a while. Try again later."]);
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), Recovery ? L["This recovery code is not valid or has been used."] : L["The authenticator code is not correct."]);
                return Page();
        }
    }

    private RedirectToPageResult Expired()
    {
        Notice(L["Your sign-in took too long. Please enter your email and password again."]);
        return RedirectToPage("/Account/SignIn", new { returnUrl = LocalOr(ReturnUrl) });
    }
}

namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-06: ask for a sign-in link by email; the link opens this page and the button signs in (SEC-04).</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class MagicLinkModel(SignInFlows flows, IOptions<AccountsOptions> options) : TradehallPageModel
{
    public int LinkMinutes => (int)options.Value.EmailLinkLifetime.TotalMinutes;

    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!Blank(Email, nameof(Email), L["Enter your email address."]))
        {
            await flows.RequestMagicLinkAsync(Email, cancellationToken);
            Sent = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSignInAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // SEC-03: the page offers to sign out first, then comes back to this link.
            return Page();
        }
        ModelState.Clear();
        var (outcome, problem) = await flows.MagicLinkAsync(Token ?? "", cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, L[problem]);
            return Page();
        }
        return LocalRedirect(outcome == PasswordSignInOutcome.NeedsSecondFactor ? "/account/sign-in/second-factor" : "/");
    }
}

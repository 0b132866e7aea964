using Tradehall.Core.Accounts.Settings;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-09: turning the authenticator-app second factor on and off, and its recovery codes.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class TwoFactorModel(SecuritySettings security, UserManager<Member> users) : TradehallPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }

    /// <summary>The current code, asked with the password before the second factor is turned off.</summary>
    [BindProperty] public string? Totp { get; set; }

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set once setup has started: the key and its QR code for the app.</summary>
    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Makes the authenticator key (a change of state, so not on GET: SEC-04).</summary>
    public async Task<IActionResult> OnPostSetupAsync()
    {
        await security.AuthenticatorAsync(User.MemberId());
        return LocalRedirect("/settings/two-factor");
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!Blank(Code, nameof(Code), L["Enter the 6-digit code from your authenticator app."])
            && await TryAsync(async () => RecoveryCodes = await security.EnableTwoFactorAsync(User.MemberId(), Code, CurrentPassword, cancellationToken),
                nameof(Code), nameof(CurrentPassword)))
        {
            Notice(L["Two-step sign-in is on."]);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        await TryAsync(async () => RecoveryCodes = await security.NewRecoveryCodesAsync(User.MemberId(), cancellationToken));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await TryAsync(() => security.DisableTwoFactorAsync(User.MemberId(), CurrentPassword, Totp, cancellationToken), nameof(CurrentPassword), nameof(Totp)))
        {
            Notice(L["Two-step sign-in is off. You now sign in with your password only."]);
            return LocalRedirect("/settings");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var member = await users.GetUserAsync(User) ?? throw DomainException.NotFound("account.not_found", "No such account.");
        Enabled = member.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await security.RecoveryCodesLeftAsync(member);
        }
        else if (!string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(member)))
        {
            // The key exists already, so this only reads it.
            Setup = await security.AuthenticatorAsync(member.Id);
        }
    }
}

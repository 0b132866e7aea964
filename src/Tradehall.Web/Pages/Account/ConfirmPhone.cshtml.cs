using Tradehall.Core.Accounts.Phone;

namespace Tradehall.Web.Pages.Account;

/// <summary>ACC-03, ACC-08: entering the SMS code for the number given at registration or a new one.</summary>
[Authorize, EnableRateLimiting(RateLimits.Phone)]
public sealed class ConfirmPhoneModel(PhoneFlows phones, GetMe me, IOptions<AccountsOptions> options) : TradehallPageModel
{
    public int Minutes => (int)options.Value.PhoneCodeLifetime.TotalMinutes;

    [BindProperty] public string? Code { get; set; }

    /// <summary>Where the latest code went; null when no code waits.</summary>
    public string? Pending { get; private set; }

    public MeResponse Me { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var wasConfirmed = (await me.HandleAsync(User.MemberId())).PhoneConfirmed;
        if (await TryAsync(() => phones.ConfirmAsync(User.MemberId(), new ConfirmPhoneRequest(Code), cancellationToken), nameof(Code)))
        {
            Notice(wasConfirmed ? L["Your new phone number is confirmed."] : L["Your phone number is confirmed."]);
            return LocalRedirect(wasConfirmed ? "/settings" : "/");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await TryAsync(() => phones.ResendAsync(User.MemberId(), cancellationToken)))
        {
            Notice(L["We sent a new code. It replaces the previous one."]);
            return LocalRedirect("/account/confirm-phone");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = await me.HandleAsync(User.MemberId());
        Pending = await phones.PendingAsync(User.MemberId(), cancellationToken);
    }
}

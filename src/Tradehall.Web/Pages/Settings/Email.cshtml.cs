using Tradehall.Core.Accounts.Email;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-08: a new sign-in address takes effect only when its emailed link is opened.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class EmailModel(EmailFlows emails, GetMe me) : ContactChangeModel(me)
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    protected override string? InUse(MeResponse member) => member.Email;

    /// <summary>ACC-02: another link for the current, unconfirmed address.</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => emails.ResendConfirmationAsync(User.MemberId(), cancellationToken),
            L["We sent a new confirmation link to your email address."], "/settings", OnGetAsync);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await OnGetAsync();
        Sent = await TryAsync(() => emails.RequestChangeAsync(User.MemberId(), new ChangeEmailRequest(Email, CurrentPassword), cancellationToken),
            nameof(Email), nameof(CurrentPassword));
        return Page();
    }
}

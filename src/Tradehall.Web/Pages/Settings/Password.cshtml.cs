using Tradehall.Core.Accounts.Sessions;
using Tradehall.Core.Accounts.Settings;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-08, SEC-03: a new password; every other session ends, this one stays.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class PasswordModel(SecuritySettings security) : TradehallPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var request = new ChangePasswordRequest(CurrentPassword, NewPassword);
        return await SubmitAsync(() => security.ChangePasswordAsync(User.MemberId(), SessionTicketStore.CurrentSession(User), request, cancellationToken),
            L["Your password has been changed. Your other devices have been signed out."], "/settings", () => Task.CompletedTask,
            nameof(CurrentPassword), nameof(NewPassword));
    }
}

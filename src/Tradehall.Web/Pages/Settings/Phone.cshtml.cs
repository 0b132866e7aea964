using Tradehall.Core.Accounts.Phone;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-03, ACC-08: a new number is confirmed by the code sent to it, on the confirm-phone page.</summary>
[EnableRateLimiting(RateLimits.Phone)]
public sealed class PhoneModel(PhoneFlows phones, GetMe me) : ContactChangeModel(me)
{
    [BindProperty] public string? Phone { get; set; }

    protected override string? InUse(MeResponse member) => member.Phone;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => phones.RequestChangeAsync(User.MemberId(), new ChangePhoneRequest(Phone, CurrentPassword), cancellationToken),
            L["We sent a code to your new number. Enter it to finish the change."], "/account/confirm-phone", OnGetAsync,
            nameof(Phone), nameof(CurrentPassword));
    }
}

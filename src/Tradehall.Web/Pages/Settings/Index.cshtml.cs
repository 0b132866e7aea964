using Tradehall.Core.Accounts.Settings;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-02, ACC-03, ACC-08, ACC-09, KYC-01: the member's sign-in and legal details at a glance.</summary>
public sealed class IndexModel(GetMe me, UserManager<Member> users, SecuritySettings security, SubscriberLegalData legal) : TradehallPageModel
{
    public MeResponse Me { get; private set; } = null!;
    public bool TwoFactor { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>KYC-01: whether the member has entered legal data yet.</summary>
    public bool LegalDataEntered { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        Me = await me.HandleAsync(User.MemberId());
        var member = await users.GetUserAsync(User);
        TwoFactor = member?.TwoFactorEnabled == true;
        RecoveryCodesLeft = member is not null && TwoFactor ? await security.RecoveryCodesLeftAsync(member) : 0;
        LegalDataEntered = await legal.IsCompleteAsync(User.MemberId());
    }
}

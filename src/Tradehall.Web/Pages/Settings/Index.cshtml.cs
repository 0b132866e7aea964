using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Settings;

namespace Tradehall.Web.Pages.Settings;

/// <summary>ACC-02, ACC-03, ACC-08, ACC-09: the member's sign-in details at a glance.</summary>
public sealed class IndexModel(GetMe me, UserManager<Member> users, SecuritySettings security) : TradehallPageModel
{
    public MeResponse Me { get; private set; } = null!;
    public bool TwoFactor { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        Me = await me.HandleAsync(User.MemberId());
        var member = await users.GetUserAsync(User);
        TwoFactor = member?.TwoFactorEnabled == true;
        RecoveryCodesLeft = member is not null && TwoFactor ? await security.RecoveryCodesLeftAsync(member) : 0;
    }
}

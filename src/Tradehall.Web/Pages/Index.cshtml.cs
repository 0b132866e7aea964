using Tradehall.Core.Accounts;

namespace Tradehall.Web.Pages;

/// <summary>The front page: what Tradehall is, or for a member a short dashboard.</summary>
public sealed class IndexModel(GetMe me) : TradehallPageModel
{
    public MeResponse? Me { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Me = await me.HandleAsync(User.MemberId());
        }
    }
}

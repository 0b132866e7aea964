namespace Tradehall.Web.Pages.Network;

/// <summary>
/// NET-01: "My page" in the menu opens the member's public page, as others see it, where an "Edit" button waits for
/// the owner. The handle is looked up only when the link is followed, not on every page that shows the menu.
/// </summary>
[Authorize]
public sealed class MyPageModel(INetwork network) : NetworkPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = await network.FindMemberAsync(User.MemberId().ToString(), cancellationToken);
        // Staff accounts have no personal page; their settings are the nearest thing.
        return LocalRedirect(me is null ? "/settings" : $"/u/{me.Handle}");
    }
}

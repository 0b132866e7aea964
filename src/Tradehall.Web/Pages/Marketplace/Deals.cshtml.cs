namespace Tradehall.Web.Pages.Marketplace;

/// <summary>MKT-08: the member's deals — accepted quotes, whichever side they were on.</summary>
[Authorize]
public sealed class DealsModel(Deals deals) : TradehallPageModel
{
    public IReadOnlyList<DealView> Deals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Deals = await deals.ListAsync(User.MemberId(), cancellationToken);
}

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>MKT-01, MKT-05, ANL-04: the member's listings with status, expiry, views and inquiries, and the plan's limit.</summary>
[Authorize]
public sealed class MineModel(ListingReader reader, ListingEditor editor) : TradehallPageModel
{
    public OwnListings Listings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Listings = await reader.OwnAsync(User.MemberId(), cancellationToken);

    public async Task<IActionResult> OnPostRenewAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => editor.RenewAsync(User.MemberId(), id, cancellationToken), L["The listing is renewed."], "/my/listings",
            () => OnGetAsync(cancellationToken));
    }
}

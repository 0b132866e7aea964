namespace Tradehall.Web.Pages.Marketplace;

/// <summary>
/// MKT-01, MKT-03, MKT-06, ANL-04: a listing's page — open to everyone while active, to its owner always. Visitors
/// contact the owner or report the listing; the owner edits, renews, withdraws and sees views and inquiries.
/// </summary>
[AllowAnonymous]
public sealed class ListingModel(ListingReader reader, ListingEditor editor, ListingModeration moderation, IOptions<MarketplaceOptions> options)
    : TradehallPageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ListingView Listing { get; private set; } = null!;

    public int ValidityDays => (int)options.Value.ListingValidity.TotalDays;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        PageOrNotFoundAsync(LoadAsync(ListingEndpoints.ViewerKey(HttpContext), cancellationToken));

    public Task<IActionResult> OnPostRenewAsync(CancellationToken cancellationToken) =>
        ActAsync(() => editor.RenewAsync(User.MemberId(), Id, cancellationToken), L["The listing is renewed."], cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync(() => editor.WithdrawAsync(User.MemberId(), Id, cancellationToken), L["The listing is withdrawn."], cancellationToken);

    public Task<IActionResult> OnPostReportAsync(CancellationToken cancellationToken) =>
        ActAsync(() => moderation.ReportAsync(User.MemberId(), Id, new ListingComplaintRequest(Reason), cancellationToken),
            L["Thank you. The moderators will review the listing."], cancellationToken, nameof(Reason));

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken, params string[] fields)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        ModelState.Clear();
        return await SubmitAsync(action, () => done, $"/listings/{Id}", () => PageOrNotFoundAsync(LoadAsync(null, cancellationToken)), fields);
    }

    private async Task<bool> LoadAsync(string? viewerKey, CancellationToken cancellationToken)
    {
        try
        {
            Listing = await reader.ViewAsync(Id, User.ViewerId(), viewerKey, cancellationToken);
            return true;
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}

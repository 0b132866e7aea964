using Tradehall.Core.Messaging.Complaints;

namespace Tradehall.Web.Pages.Operator;

/// <summary>OPS-02, MSG-05, MKT-06: complaints about chat messages and listings, newest first, for staff to review; listings can be blocked here.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class ComplaintsModel(ReportMessage complaints, ListingModeration listings) : TradehallPageModel
{
    public const int Shown = 200;

    public IReadOnlyList<ComplaintItem> Items { get; private set; } = [];

    public IReadOnlyList<ListingComplaintItem> ListingItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await complaints.ListAsync(Shown, cancellationToken);
        ListingItems = await listings.ListAsync(Shown, cancellationToken);
    }

    public async Task<IActionResult> OnPostBlockAsync(Guid id, CancellationToken cancellationToken)
    {
        await listings.BlockAsync(id, cancellationToken);
        Notice(L["The listing is blocked and its owner is told."]);
        return LocalRedirect("/operator/complaints#listing-complaints");
    }
}

using Tradehall.Core.Messaging.Complaints;

namespace Tradehall.Web.Pages.Operator;

/// <summary>OPS-02, MSG-05: complaints about chat messages, newest first, for staff to review.</summary>
public sealed class ComplaintsModel(ReportMessage complaints) : TradehallPageModel
{
    public const int Shown = 200;

    public IReadOnlyList<ComplaintItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await complaints.ListAsync(Shown, cancellationToken);
}

using Tradehall.Core.Billing.Refunds;
using Tradehall.Core.Documents.Refunds;

namespace Tradehall.Web.Pages.Operator;

/// <summary>
/// BIL-17: the refund applications to pay, soonest due first, with what is overdue on the operator's calendar; the operator
/// exports them as 1C payment orders, then marks each paid (once per form, BIL-23) or rejects it with a reason.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class RefundsModel(Refunds refunds, RefundPaymentOrders orders, Idempotency idempotency, TimeProvider time, IOptions<TradehallOptions> site)
    : TradehallPageModel
{
    public IReadOnlyList<RefundDue> Open { get; private set; } = [];
    public IReadOnlyList<RefundDue> Decided { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Issued with each form; a resubmitted or twice-clicked form decides once.</summary>
    [BindProperty] public string? Key { get; set; }

    /// <summary>The application whose form was refused, shown open with what was typed.</summary>
    public Guid? FailedId { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetPaymentOrdersAsync(CancellationToken cancellationToken)
    {
        var file = await orders.ExportAsync(cancellationToken);
        return File(file.Content, RefundPaymentOrders.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostPaidAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        var id = Id;
        if (!await TryAsync(() => idempotency.RunAsync(refunds.RefundPaidCall(operatorId, id), Key, cancellationToken)))
        {
            return await RefusedAsync(cancellationToken);
        }
        Notice(L["The refund is marked paid."]);
        return LocalRedirect("/operator/refunds");
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        if (!await TryAsync(() => refunds.RejectAsync(operatorId, Id, new RejectRefundRequest(Reason), cancellationToken), nameof(Reason)))
        {
            return await RefusedAsync(cancellationToken);
        }
        Notice(L["The application is rejected; the amount is back on the subscriber's balance."]);
        return LocalRedirect("/operator/refunds");
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        FailedId = Id;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = time.Today(site.Value.Zone);
        Open = await refunds.QueueAsync(open: true, cancellationToken);
        Decided = await refunds.QueueAsync(open: false, cancellationToken);
    }
}

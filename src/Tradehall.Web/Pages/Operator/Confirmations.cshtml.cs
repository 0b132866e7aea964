namespace Tradehall.Web.Pages.Operator;

/// <summary>BIL-07: orders of confirmation-required tariffs wait here; confirming starts the service, declining returns the first period.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class ConfirmationsModel(Confirmation confirmation, Idempotency idempotency, IOptions<BillingOptions> options) : TradehallPageModel
{
    public IReadOnlyList<AwaitingService> Awaiting { get; private set; } = [];

    public string Currency => options.Value.Currency;

    [BindProperty] public string? Reason { get; set; }

    /// <summary>One key per rendered page; a resubmitted decline returns the money once (BIL-23).</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => confirmation.ConfirmAsync(User.MemberId(), id, cancellationToken),
            L["The service is confirmed and active from today."], "/operator/confirmations", () => LoadAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? key, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        var request = new RejectRequest(Reason);
        return await SubmitAsync(() => idempotency.RunAsync(confirmation.RejectCall(operatorId, id, request), key, cancellationToken),
            L["The order is declined and the first period is returned to the member's balance."], "/operator/confirmations", () =>
            {
                // Every row has a reason field: the message belongs beside this row's, and the summary links to it.
                MoveErrorsToRow(nameof(Reason), ReasonId(id));
                return LoadAsync(cancellationToken);
            }, nameof(Reason));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Awaiting = await confirmation.AwaitingAsync(CultureInfo.CurrentUICulture.Name, cancellationToken);
}

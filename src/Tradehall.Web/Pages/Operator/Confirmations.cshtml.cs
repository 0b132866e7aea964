using Tradehall.Core.Billing.Services;

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
        if (await TryAsync(() => confirmation.ConfirmAsync(User.MemberId(), id, cancellationToken)))
        {
            Notice(L["The service is confirmed and active from today."]);
            return LocalRedirect("/operator/confirmations");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? key, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        var request = new RejectRequest(Reason);
        if (await TryAsync(() => idempotency.RunAsync(confirmation.RejectCall(operatorId, id, request), key, cancellationToken), nameof(Reason)))
        {
            Notice(L["The order is declined and the first period is returned to the member's balance."]);
            return LocalRedirect("/operator/confirmations");
        }
        // Every row has a reason field: the message belongs beside this row's, and the summary links to it.
        if (ModelState.TryGetValue(nameof(Reason), out var entry))
        {
            foreach (var error in entry.Errors.ToList())
            {
                ModelState.AddModelError(ReasonId(id), error.ErrorMessage);
            }
            ModelState.Remove(nameof(Reason));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public static string ReasonId(Guid id) => "reason-" + id.ToString("N");

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Awaiting = await confirmation.AwaitingAsync(CultureInfo.CurrentUICulture.Name, cancellationToken);
}

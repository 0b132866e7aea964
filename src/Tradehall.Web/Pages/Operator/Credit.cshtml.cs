using Tradehall.Core.Billing.TopUps;

namespace Tradehall.Web.Pages.Operator;

/// <summary>BIL-03 (c): the operator credits a personal account by hand, with a reason; one submission, one credit (BIL-23).</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class CreditModel(TopUpService topUps, Idempotency idempotency) : TradehallPageModel
{
    [BindProperty] public string? AccountNumber { get; set; }
    /// <summary>As typed: read by the shared reader of amounts, whatever the console's language.</summary>
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Issued with the form; a resubmitted or twice-clicked form credits once.</summary>
    [BindProperty] public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        var number = AccountNumber?.Trim() ?? "";
        var unreadable = new FieldErrors();
        var amount = Amounts.Number(Amount, CultureInfo.CurrentCulture).Or(unreadable, "amount");
        var request = new CreditRequest(amount, Reason);
        if (!await TryAsync(() =>
            {
                unreadable.ThrowIfAny();
                return idempotency.RunAsync(topUps.CreditCall(operatorId, number, request), Key, cancellationToken);
            },
            nameof(AccountNumber), nameof(Amount), nameof(Reason)))
        {
            return Page();
        }
        Notice(L["{0} credited to account {1}.", amount!.Value.ToString("N2", CultureInfo.CurrentCulture), number]);
        return LocalRedirect("/operator/credit");
    }
}

using Tradehall.Core.Billing.Refunds;

namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// BIL-17: the subscriber applies for a refund of the balance to a bank account and follows the applications. The form
/// starts with the bank account of their legal data; the same handler and idempotency as <c>POST /api/v1/billing/refunds</c>.
/// </summary>
[Authorize]
public sealed class RefundsModel(Refunds refunds, BillingAccounts accounts, SubscriberLegalData legal, Idempotency idempotency, IOptions<BillingOptions> billing)
    : TradehallPageModel
{
    public static readonly string[] Fields =
        [nameof(Amount), nameof(PayerName), nameof(PayerInn), nameof(Bic), nameof(SettlementAccount), nameof(CorrespondentAccount)];

    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? PayerName { get; set; }
    [BindProperty] public string? PayerInn { get; set; }
    [BindProperty] public string? Bic { get; set; }
    [BindProperty] public string? SettlementAccount { get; set; }
    [BindProperty] public string? CorrespondentAccount { get; set; }

    /// <summary>Issued with the form; a resubmitted or twice-clicked form applies once (BIL-23).</summary>
    [BindProperty] public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public AccountView? Account { get; private set; }
    public IReadOnlyList<RefundView> Applications { get; private set; } = [];
    public int DueBusinessDays => billing.Value.RefundDueBusinessDays;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await legal.OwnBankAccountAsync(User.MemberId(), cancellationToken) is { } own)
        {
            (PayerName, PayerInn, Bic, SettlementAccount, CorrespondentAccount) = (own.Name, own.Inn, own.Bic, own.SettlementAccount, own.CorrespondentAccount);
        }
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var memberId = User.MemberId();
        var unreadable = new FieldErrors();
        var amount = Amounts.Number(Amount, CultureInfo.CurrentCulture).Or(unreadable, "amount");
        var request = new RefundRequest(amount, PayerName, PayerInn, Bic, SettlementAccount, CorrespondentAccount);
        if (!await TryAsync(() =>
            {
                unreadable.ThrowIfAny();
                return idempotency.RunAsync(refunds.RefundCall(memberId, request), Key, cancellationToken);
            }, Fields))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        Notice(L["Your refund application is received. The amount is off your balance until it is paid."]);
        return LocalRedirect("/billing/refunds");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await accounts.ViewAsync(User.MemberId(), cancellationToken);
        Applications = await refunds.ListAsync(User.MemberId(), cancellationToken);
    }
}

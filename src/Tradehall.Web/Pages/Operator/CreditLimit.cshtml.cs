using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Credit;

namespace Tradehall.Web.Pages.Operator;

/// <summary>
/// BIL-13, BIL-25: the operator looks up a personal account, sets its credit limit and gives the operator's notice of
/// non-extension of its contract — the same handlers as <c>PUT /api/v1/operator/accounts/{number}/credit</c> and
/// <c>POST /api/v1/operator/accounts/{number}/contract/notice</c>.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class CreditLimitModel(BillingAccounts accounts, Debts debts, ContractTerm contracts) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }

    /// <summary>As typed: read by the shared reader of amounts, whatever the console's language.</summary>
    [BindProperty] public string? Limit { get; set; }

    /// <summary>The looked-up account's credit and contract; null until an existing account is named.</summary>
    public CreditView? Credit { get; private set; }
    public ContractView? Contract { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) =>
        LookUpAsync(Number, () => LoadAsync(cancellationToken), nameof(Number), L["There is no personal account with this number."]);

    public async Task<IActionResult> OnPostLimitAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var number = Number?.Trim() ?? "";
        var unreadable = new FieldErrors();
        var limit = Amounts.Number(Limit, CultureInfo.CurrentCulture).Or(unreadable, "limit");
        return await SubmitAsync(() =>
            {
                unreadable.ThrowIfAny();
                return debts.SetLimitAsync(number, new CreditLimitRequest(limit), User.MemberId(), cancellationToken);
            }, () => L["The credit limit of account {0} is now {1}.", number, limit!.Value.ToString("N2", CultureInfo.CurrentCulture)], Self(number),
            () => LoadAsync(cancellationToken), nameof(Number), nameof(Limit));
    }

    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var number = Number?.Trim() ?? "";
        return await SubmitAsync(() => contracts.GiveNoticeByOperatorAsync(number, User.MemberId(), cancellationToken),
            L["Notice of non-extension of the contract of account {0} is recorded; the subscriber is told.", number], Self(number),
            () => LoadAsync(cancellationToken), nameof(Number));
    }

    private static string Self(string number) => "/operator/credit-limit?number=" + Uri.EscapeDataString(number);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await accounts.ByNumberAsync(Number?.Trim() ?? "", cancellationToken) is not { } account)
        {
            return false;
        }
        Credit = await debts.ViewAsync(account.MemberId, cancellationToken);
        Limit ??= Credit.Limit.ToString("0.00", CultureInfo.CurrentCulture);
        Contract = await contracts.ViewAsync(account.MemberId, cancellationToken);
        return true;
    }
}

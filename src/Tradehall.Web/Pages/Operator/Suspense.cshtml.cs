using Tradehall.Core.Billing.BankStatements;

namespace Tradehall.Web.Pages.Operator;

/// <summary>BIL-03 (b): the held bank payments; the operator assigns each to a personal account or marks it for return, with a reason (BIL-23: once per form).</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class SuspenseModel(BankStatements statements, Idempotency idempotency) : TradehallPageModel
{
    public SuspenseList Queue { get; private set; } = new(0m, "", 0, []);

    [BindProperty] public Guid Id { get; set; }
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Issued with each form; a resubmitted or twice-clicked form resolves once.</summary>
    [BindProperty] public string? Key { get; set; }

    /// <summary>The payment whose form was refused, shown open with what was typed.</summary>
    public Guid? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await statements.ListHeldAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        var request = new AssignRequest(AccountNumber, Reason);
        var id = Id;
        if (!await TryAsync(() => idempotency.RunAsync(statements.AssignCall(operatorId, id, request), Key, cancellationToken)))
        {
            return await RefusedAsync(cancellationToken);
        }
        Notice(L["The payment is credited to account {0}.", AccountNumber!.Trim()]);
        return LocalRedirect("/operator/suspense");
    }

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        var request = new ReturnRequest(Reason);
        var id = Id;
        if (!await TryAsync(() => idempotency.RunAsync(statements.ReturnCall(operatorId, id, request), Key, cancellationToken)))
        {
            return await RefusedAsync(cancellationToken);
        }
        Notice(L["The payment is marked for return to the payer."]);
        return LocalRedirect("/operator/suspense");
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        FailedId = Id;
        Queue = await statements.ListHeldAsync(cancellationToken);
        return Page();
    }

    public string ReasonText(string code) => code switch
    {
        HoldReasons.NoAccountNumber => L["No personal account number in the purpose"],
        HoldReasons.UnknownAccount => L["No such personal account"],
        HoldReasons.LoginMismatch => L["The login belongs to another account"],
        HoldReasons.Ambiguous => L["The purpose names more than one account"],
        HoldReasons.Currency => L["Paid in another currency"],
        HoldReasons.Terminated => L["The personal account is terminated"],
        HoldReasons.OverLimit => L["Over the largest accepted payment"],
        HoldReasons.NonResidentCap => L["Over the non-resident payment cap"],
        HoldReasons.NoExchangeRate => L["Non-resident: no exchange rate to check the cap"],
        _ => code,
    };
}

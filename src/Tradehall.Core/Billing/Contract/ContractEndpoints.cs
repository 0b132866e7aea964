using Tradehall.Core.Billing.Credit;

namespace Tradehall.Core.Billing.Contract;

/// <summary>BIL-13, BIL-25 (§15.2): credit, debts and the contract's term, for the subscriber and the operator.</summary>
internal static class ContractEndpoints
{
    public static void MapContract(this RouteGroupBuilder member, RouteGroupBuilder operators)
    {
        member.MapGet("/contract", (HttpContext http, ContractTerm contracts, CancellationToken ct) => contracts.ViewAsync(http.User.MemberId(), ct))
            .WithSummary("The contract: its number, start, the end of its current term, status and any notice of non-extension (BIL-25)");
        member.MapPost("/contract/notice", (HttpContext http, ContractTerm contracts, CancellationToken ct) =>
            contracts.GiveNoticeAsync(http.User.MemberId(), ct).ThenNoContent())
            .WithSummary("Give notice of non-extension: the contract ends with its current term (BIL-25)")
            .WithDescription("409 billing.notice_too_late when fewer days than the notice period remain before the term ends; "
                + "409 billing.no_contract before the first top-up; 409 billing.contract_terminated after the contract ended. Notice given twice keeps the first date.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        member.MapGet("/credit", (HttpContext http, Debts debts, CancellationToken ct) => debts.ViewAsync(http.User.MemberId(), ct))
            .WithSummary("The credit limit, what the account owes and the open debt invoices with their penalties so far (BIL-13)");

        operators.MapPut("/accounts/{number}/credit", (string number, CreditLimitRequest request, HttpContext http, Debts debts, CancellationToken ct) =>
            debts.SetLimitAsync(number, request, http.User.MemberId(), ct).ThenNoContent())
            .WithSummary("Set the account's credit limit (BIL-13)")
            .WithDescription("Orders and renewals may take the balance down to minus the limit. 400 naming limit when it is negative or below the account's current debt; "
                + "409 billing.contract_terminated after the contract ended.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        operators.MapPost("/accounts/{number}/contract/notice", (string number, HttpContext http, ContractTerm contracts, CancellationToken ct) =>
            contracts.GiveNoticeByOperatorAsync(number, http.User.MemberId(), ct).ThenNoContent())
            .WithSummary("The operator's notice of non-extension of the account's contract (BIL-25)")
            .WithDescription("Refused as the subscriber's notice is: 409 billing.notice_too_late, billing.no_contract, billing.contract_terminated.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

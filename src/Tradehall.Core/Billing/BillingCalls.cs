using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Billing.TopUps;

namespace Tradehall.Core.Billing;

/// <summary>
/// BIL-23: billing's money-changing calls, each defined once for both doors — the API (through
/// <see cref="IdempotencyFilter"/>) and the pages — with the key's owner and what a replay must match.
/// </summary>
public static class BillingCalls
{
    public static IdempotentCall OrderCall(this Ordering ordering, Guid memberId, OrderRequest request) =>
        IdempotentCall.OfMember(memberId, new { order = request }, StatusCodes.Status201Created,
            token => ordering.OrderAsync(memberId, request, token));

    public static IdempotentCall CancelCall(this Cancellation cancellation, Guid memberId, Guid id, CancelRequest request) =>
        IdempotentCall.OfMember(memberId, new { cancel = id, request }, StatusCodes.Status200OK,
            token => cancellation.CancelAsync(memberId, id, request, token));

    public static IdempotentCall PauseCall(this Pausing pausing, Guid memberId, Guid id) =>
        IdempotentCall.OfMember(memberId, new { pause = id }, StatusCodes.Status200OK, token => pausing.PauseAsync(memberId, id, token));

    public static IdempotentCall ResumeCall(this Pausing pausing, Guid memberId, Guid id) =>
        IdempotentCall.OfMember(memberId, new { resume = id }, StatusCodes.Status200OK, token => pausing.ResumeAsync(memberId, id, token));

    /// <summary>The account is part of what a replay must match.</summary>
    public static IdempotentCall CreditCall(this TopUpService topUps, Guid operatorId, string number, CreditRequest request) =>
        IdempotentCall.OfOperator(operatorId, new { number, request }, StatusCodes.Status201Created,
            token => topUps.CreditByOperatorAsync(number, request, operatorId, token));

    public static IdempotentCall AssignCall(this BankStatements.BankStatements statements, Guid operatorId, Guid id, AssignRequest request) =>
        IdempotentCall.OfOperator(operatorId, new { assign = id, request }, StatusCodes.Status200OK,
            token => statements.AssignAsync(id, request, operatorId, token));

    public static IdempotentCall ReturnCall(this BankStatements.BankStatements statements, Guid operatorId, Guid id, ReturnRequest request) =>
        IdempotentCall.OfOperator(operatorId, new { @return = id, request }, StatusCodes.Status200OK,
            token => statements.ReturnAsync(id, request, operatorId, token));

    public static IdempotentCall RefundCall(this Refunds.Refunds refunds, Guid memberId, Refunds.RefundRequest request) =>
        IdempotentCall.OfMember(memberId, new { refund = request }, StatusCodes.Status201Created,
            token => refunds.ApplyAsync(memberId, request, token));

    public static IdempotentCall RefundPaidCall(this Refunds.Refunds refunds, Guid operatorId, Guid id) =>
        IdempotentCall.OfOperator(operatorId, new { refundPaid = id }, StatusCodes.Status204NoContent,
            token => refunds.MarkPaidAsync(operatorId, id, token));

    public static IdempotentCall RejectCall(this Confirmation confirmation, Guid operatorId, Guid id, RejectRequest request) =>
        IdempotentCall.OfOperator(operatorId, new { reject = id, request }, StatusCodes.Status200OK,
            token => confirmation.RejectAsync(operatorId, id, request, token));
}

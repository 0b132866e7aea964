using Tradehall.Core.Billing.BankStatements;

namespace Tradehall.Core.Billing;

/// <summary>
/// BIL-03: money reached a personal account — by bank, gateway or the operator's credit. Published inside the
/// crediting transaction, so what other modules do about it (an invoice marked paid) commits with the money.
/// </summary>
[ModuleApi]
public sealed record PaymentReceived(Guid MemberId, string AccountNumber, long Amount, string Source, string? Purpose, Guid TransactionId);

/// <summary>BIL-11: a service's grace period ran out; the module that keeps its data deletes it.</summary>
[ModuleApi]
public sealed record ServiceDataDeleted(Guid ServiceId, Guid MemberId, string KindCode);

/// <summary>
/// A personal account a bank payment points at, found by another module from what it issued: <see cref="Quoted"/>
/// when the payment's purpose quotes it (an invoice number), otherwise inferred from the payer.
/// </summary>
[ModuleApi]
public sealed record PaymentClue(string AccountNumber, bool Quoted);

/// <summary>BIL-03 (b): lets the module that issues invoices tell the bank import whose account a payment is for.</summary>
[ModuleApi]
public interface IPaymentClues
{
    Task<IReadOnlyList<PaymentClue>> FindAsync(BankDocument document, CancellationToken cancellationToken);
}

/// <summary>
/// BIL-13: a charge on credit took a personal account below zero; the module that issues invoices issues one for
/// <see cref="Amount"/> (minor units), due on <see cref="DueOn"/>. Published in the charging transaction.
/// </summary>
[ModuleApi]
public sealed record DebtInvoiceDue(Guid DebtId, Guid MemberId, string AccountNumber, long Amount, DateOnly DueOn);

/// <summary>BIL-12, BIL-25: a subscriber's contract ended (<see cref="Reason"/> is one of <c>Contract.TerminationReasons</c>); published in the terminating transaction.</summary>
[ModuleApi]
public sealed record ContractTerminated(Guid MemberId, string AccountNumber, string Reason, DateOnly On);

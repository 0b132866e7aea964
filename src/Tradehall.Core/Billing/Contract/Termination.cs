using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Contract;

/// <summary>Why a contract ended, as <see cref="BillingAccount.TerminationReason"/> and <see cref="ContractTerminated.Reason"/> keep it.</summary>
[ModuleApi]
public static class TerminationReasons
{
    /// <summary>BIL-12: a debt stayed unpaid longer than <see cref="BillingOptions.DebtTerminationMonths"/>.</summary>
    public const string Debt = "debt";

    /// <summary>BIL-25: notice of non-extension was given and the term ended.</summary>
    public const string NonExtension = "nonExtension";

    /// <summary>BIL-19: a non-resident's payments reached the cap.</summary>
    public const string NonResidentCap = "nonResidentCap";

    /// <summary>OPS-03: the operator ended the contract of a member with enough recorded violations.</summary>
    public const string SystematicViolation = "systematicViolation";

    /// <summary>OPS-04: the operator ended the contract after a sanction suspension that lasted too long.</summary>
    public const string LongSuspension = "longSuspension";
}

/// <summary>
/// BIL-12, BIL-25: the one place a contract ends, whatever the route (debt, notice, and later the non-resident cap and
/// sanctions). It stops every live service, keeps the decision in the archive and tells the subscriber. A terminated
/// subscriber may still read documents and statements, export data and pay (top up) what is owed; ordering, renewal,
/// resumption, credit and notice answer 409 <c>billing.contract_terminated</c>. The balance stays as it is: money owed
/// is still owed, and money left is returned on application (BIL-17).
/// </summary>
[ModuleApi]
public sealed class Termination(AppDbContext db, BillingNotices notices, DomainEvents events, EvidenceArchive archive, Hooks.ProvisioningHooks hooks)
{
    /// <summary>Refuses with 409 what a terminated contract no longer allows.</summary>
    public static void EnsureLive(BillingAccount account)
    {
        if (account.Status == AccountStatus.Terminated)
        {
            throw new DomainException("billing.contract_terminated", "The contract has ended; this is no longer possible. You can still pay what you owe, read your documents and export your data.",
                StatusCodes.Status409Conflict);
        }
    }

    /// <summary>BIL-12: a terminated account still takes payments while it owes something; after that a payment is held for the operator.</summary>
    public static bool TakesPayments(BillingAccount account, long balance) => account.Status != AccountStatus.Terminated || balance < 0;

    /// <summary>
    /// Ends the contract of the account on <paramref name="on"/>, in the caller's transaction when there is one; false when it had
    /// already ended. <paramref name="actorId"/> is the staff member who decided, null for the billing run.
    /// </summary>
    public Task<bool> TerminateAsync(Guid billingAccountId, string reason, DateOnly on, Guid? actorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var account = await db.Set<BillingAccount>().SingleAsync(a => a.Id == billingAccountId, cancellationToken);
            if (account.Status == AccountStatus.Terminated)
            {
                return false;
            }
            var before = account.Status;
            account.Status = AccountStatus.Terminated;
            account.TerminatedOn = on;
            account.TerminationReason = reason;
            var services = await db.Set<SubscribedService>().Where(s => s.BillingAccountId == billingAccountId && SubscribedService.Live.Contains(s.Status)).ToListAsync(cancellationToken);
            // BIL-24: what was provided ends for good ("delete"); an order still awaiting confirmation was never provided.
            var provided = services.Where(s => s.Status != ServiceStatus.AwaitingConfirmation).Select(s => s.Id).ToList();
            foreach (var service in services)
            {
                service.Status = ServiceStatus.Stopped;
            }
            var balance = await db.Set<LedgerAccount>().Where(l => l.Id == account.LedgerAccountId).Select(l => l.Balance).SingleAsync(cancellationToken);
            archive.Record("billing.contract_terminated", $"billing-account:{account.Number}", actorId, onBehalfOfId: account.MemberId,
                before: new { status = before.ToString().ToLowerInvariant() },
                after: new { reason, on, contract = account.ContractNumber, balance = Money.ToAmount(balance), stopped = services.Select(s => s.Id) });
            notices.ContractTerminated(account.MemberId, reason, on, balance);
            await events.PublishAsync(new ContractTerminated(account.MemberId, account.Number, reason, on), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await hooks.QueueAsync(provided, Hooks.HookActions.Delete, cancellationToken);
            return true;
        }, cancellationToken);
}

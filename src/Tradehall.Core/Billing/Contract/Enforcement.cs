using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Contract;

/// <summary>
/// OPS-02..04, BIL-18: what a sanction does to the contract. An enforcement suspension suspends every active or paused
/// service of the member at once; unlike a suspension for non-payment (BIL-10) no payment resumes it, the grace period
/// (BIL-11) does not run while it lasts — the data is kept, for the storage fee (<see cref="StorageFees"/>) — and
/// lifting it brings back at once what is paid for, while a service whose period ran out meanwhile waits for payment
/// as after any suspension. Termination for violations goes through <see cref="Termination"/> after the balance is
/// forfeited as a penalty (OPS-03).
/// </summary>
[ModuleApi]
public sealed class Enforcement(
    AppDbContext db, Termination termination, Resumption resumption, LedgerPostings ledger, EvidenceArchive archive, Hooks.ProvisioningHooks hooks)
{
    public const string ForfeitKind = "penalty.forfeit";
    private const string ForfeitSource = "forfeit";

    /// <summary>OPS-02: ordering and resuming are refused during an enforcement suspension and when a sanction restricts ordering.</summary>
    internal static async Task EnsureMayOrderAsync(BillingAccount account, Guid memberId, IEnumerable<IOrderingRestrictions> restrictions, CancellationToken cancellationToken)
    {
        if (account.EnforcementSuspendedOn is not null)
        {
            throw DomainException.Forbidden("billing.suspended_by_operator",
                "Your services are suspended by the operator for a violation of the rules, so you cannot order or resume services until the suspension is lifted.");
        }
        foreach (var restriction in restrictions)
        {
            await restriction.EnsureMayOrderAsync(memberId, cancellationToken);
        }
    }

    /// <summary>Since when the member's services are suspended as a sanction; null when they are not.</summary>
    public Task<DateOnly?> SuspendedSinceAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<BillingAccount>().Where(a => a.MemberId == memberId).Select(a => a.EnforcementSuspendedOn).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the member's contract has ended (BIL-12, BIL-25).</summary>
    public Task<bool> IsTerminatedAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<BillingAccount>().AnyAsync(a => a.MemberId == memberId && a.Status == AccountStatus.Terminated, cancellationToken);

    /// <summary>OPS-02: suspends every active or paused service of the member from <paramref name="on"/>, in the caller's transaction.</summary>
    public Task SuspendAsync(Guid memberId, DateOnly on, Guid actorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var account = await AccountAsync(memberId, cancellationToken);
            Termination.EnsureLive(account);
            if (account.EnforcementSuspendedOn is not null)
            {
                return;
            }
            account.EnforcementSuspendedOn = on;
            account.Status = AccountStatus.Suspended;
            var services = await db.Set<SubscribedService>()
                .Where(s => s.BillingAccountId == account.Id && (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.Paused)).ToListAsync(cancellationToken);
            foreach (var service in services)
            {
                service.Status = ServiceStatus.Suspended;
                service.SuspendedOn = on;
                service.PausedOn = null;
            }
            archive.Record("billing.enforcement_suspended", $"billing-account:{account.Number}", actorId, onBehalfOfId: memberId,
                after: new { on, services = services.Select(s => s.Id) });
            await db.SaveChangesAsync(cancellationToken);
            await hooks.QueueAsync([.. services.Select(s => s.Id)], Hooks.HookActions.Suspend, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// OPS-02: ends the enforcement suspension, in the caller's transaction. The grace period of a service left suspended
    /// counts from <paramref name="on"/>; call <see cref="ResumePaidUpAsync"/> after the transaction commits.
    /// </summary>
    public Task LiftAsync(Guid memberId, DateOnly on, Guid actorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var account = await AccountAsync(memberId, cancellationToken);
            if (account.EnforcementSuspendedOn is not { } since)
            {
                return;
            }
            account.EnforcementSuspendedOn = null;
            await db.Set<SubscribedService>().Where(s => s.BillingAccountId == account.Id && s.Status == ServiceStatus.Suspended)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SuspendedOn, on).SetProperty(s => s.ReserveWarnedOn, (DateOnly?)null), cancellationToken);
            archive.Record("billing.enforcement_lifted", $"billing-account:{account.Number}", actorId, onBehalfOfId: memberId, before: new { since }, after: new { on });
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>BIL-10: after a lift, what the balance pays for comes back at once (its own transaction).</summary>
    public async Task ResumePaidUpAsync(Guid memberId, DateOnly today, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(memberId, cancellationToken);
        await resumption.ResumeAccountAsync(account.Id, today, cancellationToken);
    }

    /// <summary>
    /// OPS-03, OPS-04: forfeits what is left on the balance as a penalty (once: the account is the posting's external id)
    /// and ends the contract through <see cref="Termination"/>, in the caller's transaction.
    /// </summary>
    public Task TerminateAsync(Guid memberId, string reason, DateOnly on, Guid actorId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var account = await AccountAsync(memberId, cancellationToken);
            Termination.EnsureLive(account);
            var balance = await db.Set<LedgerAccount>().Where(l => l.Id == account.LedgerAccountId).Select(l => l.Balance).SingleAsync(cancellationToken);
            if (balance > 0)
            {
                var revenue = await ledger.SystemAccountAsync(SystemAccounts.Revenue, cancellationToken);
                await ledger.PostAsync(new Posting(ForfeitKind, DeferredText.Line("Balance forfeited as a penalty on termination for violations"),
                    [new Leg(account.LedgerAccountId, -balance, Floor: 0), new Leg(revenue, balance)], actorId, ForfeitSource, account.Id.ToString()), cancellationToken);
            }
            archive.Record("billing.balance_forfeited", $"billing-account:{account.Number}", actorId, onBehalfOfId: memberId,
                before: new { balance = Money.ToAmount(balance) }, after: new { forfeited = Money.ToAmount(Math.Max(0, balance)), reason });
            await termination.TerminateAsync(account.Id, reason, on, actorId, cancellationToken);
        }, cancellationToken);

    private async Task<BillingAccount> AccountAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<BillingAccount>().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
}

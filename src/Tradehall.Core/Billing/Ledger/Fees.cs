using Tradehall.Core.Billing.Accounts;

namespace Tradehall.Core.Billing.Ledger;

/// <summary>BIL-18: the fees of the offer, charged from the subscriber's balance to the operator's revenue.</summary>
[ModuleApi]
public sealed class Fees(AppDbContext db, LedgerPostings ledger)
{
    public const string ReissueKind = "fee.reissue";
    private const string ReissueSource = "reissue";

    /// <summary>
    /// DOC-03: the re-issue fee for one set of documents, in the caller's database transaction. The set's id is the
    /// posting's external id, so one set is charged once; a balance that does not cover it throws
    /// <c>billing.insufficient_balance</c> (402) and the caller's transaction is to be rolled back.
    /// </summary>
    public async Task ChargeReissueAsync(Guid memberId, Guid setId, long amount, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var account = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId).Select(a => (Guid?)a.LedgerAccountId)
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        var revenue = await ledger.SystemAccountAsync(SystemAccounts.Revenue, cancellationToken);
        await ledger.PostAsync(new Posting(ReissueKind, DeferredText.Line("Re-issue of documents {0}", DeferredValue.Text(string.Join(", ", numbers))),
            [new Leg(account, -amount, Floor: 0), new Leg(revenue, amount)], memberId, ReissueSource, setId.ToString()), cancellationToken);
    }
}

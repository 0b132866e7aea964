using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Credit;

namespace Tradehall.Web.Pages.Billing;

/// <summary>BIL-12, BIL-13, BIL-25: what the personal account page shows of the contract and the credit.</summary>
public sealed record ContractPanel(ContractView Contract, CreditView Credit, int NoticeDays, DateOnly Today)
{
    /// <summary>The last day notice of non-extension of the current term may be given; null before acceptance.</summary>
    public DateOnly? LastNoticeDay => Contract.TermEndsOn?.AddDays(-NoticeDays);

    public bool Terminated => Contract.Status == "terminated";

    /// <summary>Credit is worth a section once the operator granted some or the account owes anything.</summary>
    public bool ShowsCredit => Credit.Limit > 0 || Credit.Owed > 0 || Credit.Open.Count > 0;
}

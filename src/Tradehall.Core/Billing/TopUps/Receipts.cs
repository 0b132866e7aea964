using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Billing.TopUps;

/// <summary>
/// BIL-03, NTF-01: the one place every way money arrives goes through once it is posted — the member is told (centre,
/// email, SMS per preferences) and other modules hear of it, all in the crediting unit of work.
/// </summary>
public sealed class Receipts(BillingNotices notices, DomainEvents events)
{
    public async Task ReceivedAsync(BillingAccount account, LedgerTransaction posted, long amount, string source, string? purpose,
        CancellationToken cancellationToken)
    {
        var balance = posted.Entries.Single(e => e.AccountId == account.LedgerAccountId).BalanceAfter!.Value;
        notices.PaymentReceived(account.MemberId, account.Number, amount, balance, source);
        await events.PublishAsync(new PaymentReceived(account.MemberId, account.Number, amount, source, purpose, posted.Id), cancellationToken);
    }
}

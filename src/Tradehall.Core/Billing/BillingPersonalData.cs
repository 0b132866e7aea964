using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing;

/// <summary>
/// PRV-03: billing's part of a member's export — the personal account and its contract, every ledger line, the services
/// and the refund applications, as the member's own pages show them. A terminated contract exports like any other (BIL-12).
/// </summary>
internal sealed class BillingPersonalData(AppDbContext db, BillingAccounts accounts, Statements statements, Ordering ordering,
    Refunds.Refunds refunds, IOptions<BillingOptions> options) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        // Staff accounts have no personal account: their export has no billing part.
        if (!await db.Set<BillingAccount>().AnyAsync(a => a.MemberId == memberId, cancellationToken))
        {
            return new PersonalDataSection("billing", new Dictionary<string, object?>());
        }
        return new PersonalDataSection("billing", new Dictionary<string, object?>
        {
            ["account"] = await accounts.ViewAsync(memberId, cancellationToken),
            ["ledger"] = await LedgerAsync(memberId, cancellationToken),
            ["services"] = await ordering.ListAsync(memberId, cancellationToken),
            ["refunds"] = await refunds.ListAsync(memberId, cancellationToken),
        });
    }

    /// <summary>Every line of the account, oldest first, read a page of the largest size at a time.</summary>
    private async Task<List<StatementLine>> LedgerAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var lines = new List<StatementLine>();
        var size = options.Value.TransactionsMaxPageSize;
        for (var page = 1; ; page++)
        {
            var read = await statements.ListAsync(memberId, null, null, PageRequest.Of(page, size), cancellationToken);
            lines.AddRange(read.Items);
            if (lines.Count >= read.Total || read.Items.Count == 0)
            {
                break;
            }
        }
        lines.Reverse();
        return lines;
    }
}

using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Billing.Ledger;

public sealed record StatementLine(Guid Id, DateTime At, decimal Amount, decimal BalanceAfter, string Kind, string Description);

/// <summary>BIL-21: the lines of a member's personal account for a period, newest first.</summary>
public sealed class Statements(AppDbContext db)
{
    public async Task<IReadOnlyList<StatementLine>> ListAsync(Guid memberId, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw DomainException.Field("request.invalid", "from", "The start of the period is after its end.");
        }
        var account = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId).Select(a => (Guid?)a.LedgerAccountId)
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        var lines = db.Set<LedgerEntry>().AsNoTracking().Where(e => e.AccountId == account)
            .Join(db.Set<LedgerTransaction>(), e => e.TransactionId, t => t.Id, (e, t) => new { e.Id, t.At, e.Amount, e.BalanceAfter, t.Kind, t.Description, TransactionId = t.Id });
        if (from is { } start)
        {
            var s = DateTime.SpecifyKind(start, DateTimeKind.Utc);
            lines = lines.Where(l => l.At >= s);
        }
        if (to is { } end)
        {
            var e = DateTime.SpecifyKind(end, DateTimeKind.Utc);
            lines = lines.Where(l => l.At < e);
        }
        var rows = await lines.OrderByDescending(l => l.Id).Take(10_000).ToListAsync(cancellationToken);
        return rows.Select(l => new StatementLine(l.TransactionId, l.At, Money.ToAmount(l.Amount), Money.ToAmount(l.BalanceAfter ?? 0), l.Kind, l.Description)).ToList();
    }
}

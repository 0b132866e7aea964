using Tradehall.Core.Billing.Accounts;

namespace Tradehall.Core.Billing.Ledger;

/// <summary>
/// A line of a subscriber's account that pays for services: <paramref name="Amount"/> is what was charged (a return of
/// unused months is negative); <paramref name="Text"/> is the line as posted, for each reader's language.
/// </summary>
[ModuleApi]
public sealed record ServiceCharge(Guid TransactionId, DateTime At, long Amount, string Kind, DeferredText Text);

/// <summary>
/// DOC-01: what other modules may read of the services charged to subscribers — orders' first periods, renewals,
/// returns of unused months and fees — never payments in or out. Instants are UTC.
/// </summary>
[ModuleApi]
public sealed class ServiceCharges(AppDbContext db)
{
    /// <summary>The ledger kinds that pay for (or return the price of) a service.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["charge", "renewal", "refund", Fees.ReissueKind];

    /// <summary>Every member with a service charge before <paramref name="beforeUtc"/>.</summary>
    public async Task<IReadOnlyList<Guid>> MembersChargedBeforeAsync(DateTime beforeUtc, CancellationToken cancellationToken)
    {
        var kinds = Kinds.ToArray();
        return await (
            from t in db.Set<LedgerTransaction>()
            where kinds.Contains(t.Kind) && t.At < beforeUtc
            join e in db.Set<LedgerEntry>() on t.Id equals e.TransactionId
            join a in db.Set<BillingAccount>() on e.AccountId equals a.LedgerAccountId
            select a.MemberId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>When the member was first charged for a service (BIL-08: the activation their reporting periods count from).</summary>
    public Task<DateTime?> FirstChargeAsync(Guid memberId, CancellationToken cancellationToken) =>
        Charges(memberId).OrderBy(c => c.At).Select(c => (DateTime?)c.At).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The member's service charges in <paramref name="fromUtc"/> (included) .. <paramref name="toUtc"/> (excluded), oldest first.</summary>
    public async Task<IReadOnlyList<ServiceCharge>> BetweenAsync(Guid memberId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await Charges(memberId).Where(c => c.At >= fromUtc && c.At < toUtc).OrderBy(c => c.At).ThenBy(c => c.EntryId).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ServiceCharge(r.TransactionId, DateTime.SpecifyKind(r.At, DateTimeKind.Utc), -r.Amount, r.Kind,
            DeferredText.Parse(r.Text) ?? DeferredText.Line(r.Description.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal))))];
    }

    private IQueryable<ChargeRow> Charges(Guid memberId)
    {
        var kinds = Kinds.ToArray();
        return from a in db.Set<BillingAccount>().AsNoTracking()
               where a.MemberId == memberId
               join e in db.Set<LedgerEntry>() on a.LedgerAccountId equals e.AccountId
               join t in db.Set<LedgerTransaction>() on e.TransactionId equals t.Id
               where kinds.Contains(t.Kind)
               select new ChargeRow { EntryId = e.Id, TransactionId = t.Id, At = t.At, Amount = e.Amount, Kind = t.Kind, Description = t.Description, Text = t.Text };
    }

    // Member-initialised so the database can still filter and sort on its properties.
    private sealed class ChargeRow
    {
        public long EntryId { get; init; }
        public Guid TransactionId { get; init; }
        public DateTime At { get; init; }
        public long Amount { get; init; }
        public required string Kind { get; init; }
        public required string Description { get; init; }
        public string? Text { get; init; }
    }
}

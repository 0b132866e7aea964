using Tradehall.Core.Billing.Accounts;

namespace Tradehall.Core.Billing.Ledger;

[ModuleApi]
public sealed record StatementLine(Guid Id, DateTime At, decimal Amount, decimal BalanceAfter, string Kind, string Description);

/// <summary>One page of ledger lines, newest first, and how many lines the period holds in all.</summary>
public sealed record StatementLinesPage(IReadOnlyList<StatementLine> Items, int Page, int PageSize, int Total);

/// <summary>
/// BIL-21: a statement of a personal account for whole days <see cref="From"/>..<see cref="To"/> of the operator's time zone,
/// lines oldest first. Opening balance plus every line's amount is the closing balance; <see cref="TotalOut"/> is positive.
/// </summary>
[ModuleApi]
public sealed record StatementPeriod(
    string AccountNumber, string Currency, DateOnly From, DateOnly To, DateTime StartUtc, DateTime EndUtc,
    decimal OpeningBalance, decimal TotalIn, decimal TotalOut, decimal ClosingBalance, IReadOnlyList<StatementLine> Lines);

/// <summary>BIL-21: the lines of a member's personal account for a period.</summary>
[ModuleApi]
public sealed class Statements(AppDbContext db, IOptions<TradehallOptions> site, IOptions<BillingOptions> options, IStringLocalizer<SharedResource> text)
{
    /// <summary>Newest first, a page at a time, as <c>/api/v1/billing/transactions</c> answers (§15).</summary>
    public async Task<StatementLinesPage> ListAsync(Guid memberId, DateTime? from, DateTime? to, PageRequest page, CancellationToken cancellationToken)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw DomainException.Field("request.invalid", "from", "The start of the period is after its end.");
        }
        var (number, size) = page.Check(new PageLimits(options.Value.TransactionsPageSize, options.Value.TransactionsMaxPageSize), text);
        var account = await LedgerAccountAsync(memberId, cancellationToken);
        var lines = Lines(account.LedgerAccountId);
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
        var total = await lines.CountAsync(cancellationToken);
        // Entry ids only grow, so newest first is a stable order for paging.
        var rows = await lines.OrderByDescending(l => l.Id).Skip(new PageSlice(number, size).Skip).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(l => new StatementLine(l.TransactionId, l.At, Money.ToAmount(l.Amount), Money.ToAmount(l.BalanceAfter ?? 0), l.Kind, Describe(l))).ToList();
        return new StatementLinesPage(items, number, size, total);
    }

    /// <summary>
    /// BIL-21: the statement of whole days in the operator's time zone, both ends included. The opening balance is the
    /// sum of everything before the first day (BIL-02: a balance is the sum of its entries), so the running balance and
    /// the closing balance follow from the lines themselves.
    /// </summary>
    public async Task<StatementPeriod> PeriodAsync(Guid memberId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (from > to)
        {
            throw DomainException.Field("request.invalid", "from", "The start of the period is after its end.");
        }
        var longest = options.Value.StatementMaxDays;
        if (to.DayNumber - from.DayNumber + 1 > longest)
        {
            throw DomainException.Field("request.invalid", "to", text["A statement may cover at most {0} days.", longest]);
        }
        var account = await LedgerAccountAsync(memberId, cancellationToken);
        var zone = site.Value.Zone;
        var startUtc = StartOfDayUtc(from, zone);
        var endUtc = StartOfDayUtc(to.AddDays(1), zone);
        var opening = await Lines(account.LedgerAccountId).Where(l => l.At < startUtc).SumAsync(l => (long?)l.Amount, cancellationToken) ?? 0;
        var rows = await Lines(account.LedgerAccountId).Where(l => l.At >= startUtc && l.At < endUtc).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var running = opening;
        long totalIn = 0, totalOut = 0;
        var lines = new List<StatementLine>(rows.Count);
        foreach (var row in rows)
        {
            running += row.Amount;
            if (row.Amount > 0)
            {
                totalIn += row.Amount;
            }
            else
            {
                totalOut -= row.Amount;
            }
            lines.Add(new StatementLine(row.TransactionId, DateTime.SpecifyKind(row.At, DateTimeKind.Utc), Money.ToAmount(row.Amount), Money.ToAmount(running), row.Kind, Describe(row)));
        }
        return new StatementPeriod(account.Number, account.Currency, from, to, startUtc, endUtc,
            Money.ToAmount(opening), Money.ToAmount(totalIn), Money.ToAmount(totalOut), Money.ToAmount(running), lines);
    }

    /// <summary>The UTC instant a local day begins; where a clock change skips midnight, the first local moment that exists.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private async Task<(Guid LedgerAccountId, string Number, string Currency)> LedgerAccountAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var row = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { a.LedgerAccountId, a.Number, l.Currency })
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        return (row.LedgerAccountId, row.Number, row.Currency);
    }

    /// <summary>RUN-07: a line in the reader's language; lines posted before their text was kept read as written.</summary>
    private string Describe(LineRow row) => DeferredText.Parse(row.Text) is { } line ? line.Render(text, line.Subject) : row.Description;

    private IQueryable<LineRow> Lines(Guid account) =>
        db.Set<LedgerEntry>().AsNoTracking().Where(e => e.AccountId == account)
            .Join(db.Set<LedgerTransaction>(), e => e.TransactionId, t => t.Id,
                (e, t) => new LineRow { Id = e.Id, At = t.At, Amount = e.Amount, BalanceAfter = e.BalanceAfter, Kind = t.Kind, Description = t.Description, Text = t.Text, TransactionId = t.Id });

    // Member-initialised (not a constructor) so the database can still filter and sort on its properties.
    private sealed class LineRow
    {
        public long Id { get; init; }
        public DateTime At { get; init; }
        public long Amount { get; init; }
        public long? BalanceAfter { get; init; }
        public required string Kind { get; init; }
        public required string Description { get; init; }
        public string? Text { get; init; }
        public Guid TransactionId { get; init; }
    }
}

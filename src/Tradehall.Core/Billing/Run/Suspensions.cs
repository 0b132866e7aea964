using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Run;

/// <summary>A suspended service and the price of the period that resuming it would start.</summary>
public sealed record SuspendedService(Guid Id, string Kind, string KindName, string TariffName, decimal Price, DateOnly? SuspendedOn);

/// <summary>BIL-10: a member's suspended services, the balance, and the payment that resumes them all.</summary>
public sealed record SuspensionView(IReadOnlyList<SuspendedService> Services, decimal Balance, decimal ToResume, string Currency);

/// <summary>
/// BIL-10: what a member with suspended services must pay to have them back, priced and ordered as
/// <see cref="Resumption"/> charges them. Every page of a signed-in member asks (the site-wide banner), so a member
/// with nothing suspended costs one indexed query, and the answer is kept for the rest of the request (a scoped service).
/// </summary>
public sealed class Suspensions(AppDbContext db, TimeProvider time, IOptions<BillingOptions> options, IOptions<TradehallOptions> site)
{
    private readonly Dictionary<(Guid Member, string Culture), SuspensionView?> answered = [];

    /// <summary>Null when none of the member's services is suspended.</summary>
    public async Task<SuspensionView?> ForMemberAsync(Guid memberId, string culture, CancellationToken cancellationToken)
    {
        if (answered.TryGetValue((memberId, culture), out var known))
        {
            return known;
        }
        var suspended = await db.Set<SubscribedService>().AsNoTracking()
            .Where(s => s.MemberId == memberId && s.Status == ServiceStatus.Suspended)
            .OrderBy(s => s.SuspendedOn).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.KindCode, s.TariffId, s.NextTariffId, s.SuspendedOn, s.PeriodEnd })
            .ToListAsync(cancellationToken);
        // OPS-02: services suspended as a sanction do not come back by paying, so the banner offering a payment stays away.
        var sanctioned = suspended.Count > 0 && await db.Set<BillingAccount>().AnyAsync(a => a.MemberId == memberId && a.EnforcementSuspendedOn != null, cancellationToken);
        var view = suspended.Count == 0 || sanctioned ? null : await PriceAsync(memberId, culture,
            [.. suspended.Select(s => (s.Id, s.KindCode, s.TariffId, s.NextTariffId, s.SuspendedOn, s.PeriodEnd))], cancellationToken);
        answered[(memberId, culture)] = view;
        return view;
    }

    private async Task<SuspensionView> PriceAsync(Guid memberId, string culture,
        IReadOnlyList<(Guid Id, string KindCode, Guid TariffId, Guid? NextTariffId, DateOnly? SuspendedOn, DateOnly? PeriodEnd)> suspended, CancellationToken cancellationToken)
    {
        var ledgerAccount = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { l.Balance, l.Currency })
            .SingleAsync(cancellationToken);
        var tariffs = await db.Set<Tariff>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var kinds = await db.Set<ServiceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var priced = suspended.Select(s =>
        {
            var (tariff, price) = Renewals.NextPeriod(s.TariffId, s.NextTariffId, today, tariffs, options.Value.TariffChangeNoticeDays);
            // BIL-13: a service suspended for an overdue debt within its paid period costs nothing more to resume.
            var paid = Resumption.PaidUntil(s.PeriodEnd, today);
            return (Service: s, Tariff: paid ? tariffs[s.TariffId] : tariff, Price: paid ? 0 : price, Paid: paid);
        }).ToList();
        var services = priced.Select(p => new SuspendedService(p.Service.Id, p.Service.KindCode,
            kinds.TryGetValue(p.Service.KindCode, out var kind) ? kind.Name(culture) : p.Service.KindCode, p.Tariff.NameIn(culture), Money.ToAmount(p.Price),
            p.Service.SuspendedOn)).ToList();
        return new SuspensionView(services, Money.ToAmount(ledgerAccount.Balance),
            Money.ToAmount(Math.Max(Resumption.ToResumeAll(ledgerAccount.Balance, priced.Where(p => !p.Paid).Select(p => p.Price)),
                priced.Any(p => p.Paid) ? -ledgerAccount.Balance : 0)), ledgerAccount.Currency);
    }
}

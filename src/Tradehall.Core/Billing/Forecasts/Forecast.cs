using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Forecasts;

/// <summary>BIL-22: the last day the balance pays for; null when nothing renews. <see cref="MonthlySpend"/> is what renewals cost per month.</summary>
public sealed record ForecastView(DateOnly? FundsLastUntil, bool Warning, decimal MonthlySpend);

/// <summary>A service that renews by itself: its current period <see cref="Period"/> ends on <see cref="PeriodEnd"/>.</summary>
public sealed record RenewingService(DateOnly ActivatedOn, int Period, DateOnly PeriodEnd, long Price, int PeriodMonths);

/// <summary>
/// BIL-22: "funds last until DATE". Renewals of the active (or paused), auto-renewing services are walked forward in date order
/// (BIL-09, periods as BIL-08 counts them); the first one the balance cannot cover stops its service, so the funds
/// last until the day before it.
/// </summary>
public sealed class Forecast(AppDbContext db, TimeProvider time, IOptions<BillingOptions> options, IOptions<TradehallOptions> site)
{
    /// <summary>
    /// For one member; the daily billing job calls this to decide on the warning, counting from the day it runs for
    /// (<paramref name="asOf"/>, so a run caught up for a past day warns as it would have then).
    /// </summary>
    public async Task<ForecastView> ForMemberAsync(Guid memberId, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        var balance = await db.Set<BillingAccount>().AsNoTracking().Where(a => a.MemberId == memberId)
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => (long?)l.Balance)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        var services = await db.Set<SubscribedService>().AsNoTracking()
            .Where(s => s.MemberId == memberId && (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.Paused) && s.AutoRenew && s.ActivatedOn != null && s.PeriodEnd != null)
            .Join(db.Set<Tariff>(), s => s.TariffId, t => t.Id, (s, t) => new { s.ActivatedOn, s.Period, s.PeriodEnd, t.Price, t.PeriodMonths, Paused = s.Status == ServiceStatus.Paused })
            .ToListAsync(cancellationToken);
        // BIL-20: a paused service renews at the pause tariff.
        var renewing = services.Select(s => new RenewingService(s.ActivatedOn!.Value, s.Period, s.PeriodEnd!.Value,
            s.Paused ? Services.Pausing.PausePrice(s.Price, options.Value.PausePricePercent) : s.Price, Math.Max(1, s.PeriodMonths))).ToList();
        var until = FundsLastUntil(balance, renewing);
        var today = asOf ?? time.Today(site.Value.Zone);
        var warning = until is { } day && day.DayNumber - today.DayNumber <= options.Value.ForecastWarningDays;
        return new ForecastView(until, warning, MonthlySpend(renewing));
    }

    /// <summary>The renewals' cost per month: each price spread over its period's months, rounded to the minor unit.</summary>
    public static decimal MonthlySpend(IEnumerable<RenewingService> services)
    {
        var minor = services.Sum(s => s.Price / (decimal)s.PeriodMonths);
        return Money.ToAmount((long)Math.Round(minor, 0, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The day before the first renewal that <paramref name="balance"/> (minor units) cannot cover, renewals charged in
    /// date order; null when no renewal costs anything or the funds outlast the calendar.
    /// </summary>
    public static DateOnly? FundsLastUntil(long balance, IReadOnlyList<RenewingService> services)
    {
        var paying = services.Where(s => s.Price > 0).ToList();
        if (paying.Count == 0)
        {
            return null;
        }
        // Per service: the period whose end is the next renewal, and that renewal's day.
        var period = paying.Select(s => s.Period).ToArray();
        var next = paying.Select(s => (DateOnly?)s.PeriodEnd).ToArray();

        // A large balance would take many steps, so whole cycles (the least common multiple of the periods, in which every
        // service renews a fixed number of times) are skipped at once. Two cycles' worth stays unspent, so every renewal
        // skipped over is covered whatever its order, and the walk below still decides the order near the end.
        if (Cycle(paying) is { } cycle && balance / cycle.Cost > 2)
        {
            var skip = balance / cycle.Cost - 2;
            balance -= skip * cycle.Cost;
            for (var i = 0; i < paying.Count; i++)
            {
                // Past the last representable day anyway when this many periods would not fit an int.
                var periods = skip >= int.MaxValue / cycle.Months ? int.MaxValue / 2 : skip * (cycle.Months / paying[i].PeriodMonths);
                period[i] += (int)Math.Min(int.MaxValue / 2, periods);
                next[i] = End(paying[i], period[i]);
            }
        }
        while (true)
        {
            var due = -1;
            for (var i = 0; i < paying.Count; i++)
            {
                if (next[i] is { } day && (due < 0 || day < next[due]!.Value))
                {
                    due = i;
                }
            }
            if (due < 0)
            {
                return null;
            }
            if (balance < paying[due].Price)
            {
                return next[due]!.Value.AddDays(-1);
            }
            balance -= paying[due].Price;
            period[due]++;
            next[due] = End(paying[due], period[due]);
        }
    }

    /// <summary>BIL-08: the end of period <paramref name="n"/>, or null past the last representable day.</summary>
    private static DateOnly? End(RenewingService service, int n)
    {
        var months = (long)n * service.PeriodMonths;
        var monthIndex = service.ActivatedOn.Year * 12L + service.ActivatedOn.Month - 1 + months;
        return monthIndex > DateOnly.MaxValue.Year * 12L + DateOnly.MaxValue.Month - 1 ? null : ReportingPeriods.End(service.ActivatedOn, n, service.PeriodMonths);
    }

    private static (long Months, long Cost)? Cycle(IReadOnlyList<RenewingService> services)
    {
        try
        {
            long months = 1;
            foreach (var s in services)
            {
                months = checked(months / Gcd(months, s.PeriodMonths) * s.PeriodMonths);
            }
            long cost = 0;
            foreach (var s in services)
            {
                cost = checked(cost + s.Price * (months / s.PeriodMonths));
            }
            return (months, cost);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}

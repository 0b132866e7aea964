using Tradehall.Core.Analytics.Prices;

namespace Tradehall.Web.Pages.Analytics;

/// <summary>
/// What the chart partial draws: the periods, an id unique on the page, what is charted, the currency and the unit's
/// name. <see cref="Counts"/> adds the listings chart; <see cref="Coarse"/> marks the teaser, whose prices are rounded.
/// </summary>
public sealed record ChartView(string Id, IReadOnlyList<ChartPeriod> Periods, string Subject, string Currency, string Unit, bool Counts = true, bool Coarse = false)
{
    /// <summary>"RUB/m³": what the price axis is in (the currency alone while there is no unit, as without listings).</summary>
    public string PriceUnit => Unit.Length == 0 ? Currency : Currency + "/" + Unit;

    /// <summary>The teaser's months as chart periods: only the rounded median offer.</summary>
    public static IReadOnlyList<ChartPeriod> Teaser(PriceTeaser teaser) =>
        [.. teaser.Months.Select(m => new ChartPeriod(m.Month, m.Median is null ? PriceStats.Empty : new PriceStats(1, null, m.Median, null), PriceStats.Empty, null))];
}

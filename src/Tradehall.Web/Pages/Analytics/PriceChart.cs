using System.Globalization;
using System.Text;
using Tradehall.Core.Analytics.Prices;

namespace Tradehall.Web.Pages.Analytics;

/// <summary>One period of a chart: its label, the offers and requests, and offers per request.</summary>
public sealed record ChartPeriod(string Label, PriceStats Offers, PriceStats Requests, decimal? Ratio);

/// <summary>
/// ANL-01: geometry of the two inline SVG charts drawn on the server — median prices with the quartile band of offers
/// and of requests, and counts as bars with offers per request as a line — so the page needs no script. Computed in
/// <see cref="decimal"/> like the prices; the same numbers are in the table under the charts.
/// </summary>
public sealed class PriceChart
{
    public const int Width = 640;
    public const int Height = 240;
    public const int PlotLeft = 80;
    public const int PlotRight = Width - 10;
    public const int PlotTop = 10;
    public const int PlotBottom = Height - 30;

    public required IReadOnlyList<(string X, string Label)> Ticks { get; init; }
    public required string OfferBand { get; init; }
    public required string OfferLine { get; init; }
    public required string RequestBand { get; init; }
    public required string RequestLine { get; init; }
    public required IReadOnlyList<(string X, string Y)> OfferDots { get; init; }
    public required IReadOnlyList<(string X, string Y)> RequestDots { get; init; }
    public decimal? Low { get; init; }
    public decimal? High { get; init; }

    public required IReadOnlyList<(string X, string Y, string Height)> OfferBars { get; init; }
    public required IReadOnlyList<(string X, string Y, string Height)> RequestBars { get; init; }
    public required string BarWidth { get; init; }
    public required string RatioLine { get; init; }
    public required IReadOnlyList<(string X, string Y)> RatioDots { get; init; }
    public int MaxCount { get; init; }
    public decimal? MaxRatio { get; init; }

    public bool HasPrices => Low is not null;

    public static PriceChart For(IReadOnlyList<ChartPeriod> periods)
    {
        var n = Math.Max(1, periods.Count);
        decimal plotWidth = PlotRight - PlotLeft;
        decimal plotHeight = PlotBottom - PlotTop;
        var slot = plotWidth / n;
        decimal X(int i) => PlotLeft + slot * i + slot / 2;

        var prices = periods.SelectMany(p => new[] { p.Offers.P25, p.Offers.P75, p.Requests.P25, p.Requests.P75, p.Offers.Median, p.Requests.Median })
            .OfType<decimal>().ToList();
        decimal? low = prices.Count > 0 ? prices.Min() : null;
        decimal? high = prices.Count > 0 ? prices.Max() : null;
        var range = low is { } l && high is { } h && h > l ? h - l : 1m;
        decimal Y(decimal v) => PlotBottom - (v - (low ?? 0)) / range * (plotHeight - 10) - 5;

        var maxCount = periods.Count == 0 ? 0 : periods.Max(p => Math.Max(p.Offers.Count, p.Requests.Count));
        var maxRatio = periods.Select(p => p.Ratio).OfType<decimal>().DefaultIfEmpty(0m).Max();
        decimal CountY(int count) => PlotBottom - (maxCount == 0 ? 0 : (decimal)count / maxCount * (plotHeight - 10));
        decimal RatioY(decimal ratio) => PlotBottom - (maxRatio == 0 ? 0 : ratio / maxRatio * (plotHeight - 10));
        var bar = slot * 0.35m;

        return new PriceChart
        {
            Ticks = [.. periods.Select((p, i) => (C(X(i)), p.Label))],
            OfferBand = Band(periods, p => p.Offers, X, Y),
            OfferLine = Line(periods, p => p.Offers.Median, X, Y),
            RequestBand = Band(periods, p => p.Requests, X, Y),
            RequestLine = Line(periods, p => p.Requests.Median, X, Y),
            OfferDots = Dots(periods, p => p.Offers.Median, X, Y),
            RequestDots = Dots(periods, p => p.Requests.Median, X, Y),
            Low = low,
            High = high,
            OfferBars = [.. periods.Select((p, i) => (C(X(i) - bar), C(CountY(p.Offers.Count)), C(PlotBottom - CountY(p.Offers.Count))))],
            RequestBars = [.. periods.Select((p, i) => (C(X(i)), C(CountY(p.Requests.Count)), C(PlotBottom - CountY(p.Requests.Count))))],
            BarWidth = C(bar),
            RatioLine = Line(periods, p => p.Ratio, X, RatioY),
            RatioDots = Dots(periods, p => p.Ratio, X, RatioY),
            MaxCount = maxCount,
            MaxRatio = maxRatio == 0 ? null : maxRatio,
        };
    }

    public static string Y(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where a price lies on the vertical axis, for the axis labels.</summary>
    public string PriceY(decimal value)
    {
        var range = Low is { } l && High is { } h && h > l ? h - l : 1m;
        return C(PlotBottom - (value - (Low ?? 0)) / range * (PlotBottom - PlotTop - 10) - 5);
    }

    /// <summary>A path through the periods that have a value; a gap starts a new segment.</summary>
    private static string Line(IReadOnlyList<ChartPeriod> periods, Func<ChartPeriod, decimal?> value, Func<int, decimal> x, Func<decimal, decimal> y)
    {
        var path = new StringBuilder();
        var drawing = false;
        for (var i = 0; i < periods.Count; i++)
        {
            if (value(periods[i]) is { } v)
            {
                path.Append(drawing ? " L" : " M").Append(C(x(i))).Append(',').Append(C(y(v)));
                drawing = true;
            }
            else
            {
                drawing = false;
            }
        }
        return path.ToString().Trim();
    }

    /// <summary>The area between the upper and the lower quartile, one closed shape per run of periods with both.</summary>
    private static string Band(IReadOnlyList<ChartPeriod> periods, Func<ChartPeriod, PriceStats> stats, Func<int, decimal> x, Func<decimal, decimal> y)
    {
        var path = new StringBuilder();
        var run = new List<int>();
        void Close()
        {
            if (run.Count > 0)
            {
                // A single period gets a narrow band of its own width, so it is still visible.
                var half = run.Count == 1 ? 4m : 0m;
                path.Append(" M").Append(C(x(run[0]) - half)).Append(',').Append(C(y(stats(periods[run[0]]).P75!.Value)));
                foreach (var i in run)
                {
                    path.Append(" L").Append(C(x(i) + (run.Count == 1 ? half : 0))).Append(',').Append(C(y(stats(periods[i]).P75!.Value)));
                }
                foreach (var i in Enumerable.Reverse(run))
                {
                    path.Append(" L").Append(C(x(i) + (run.Count == 1 ? half : 0))).Append(',').Append(C(y(stats(periods[i]).P25!.Value)));
                }
                path.Append(" L").Append(C(x(run[0]) - half)).Append(',').Append(C(y(stats(periods[run[0]]).P25!.Value))).Append(" Z");
                run.Clear();
            }
        }
        for (var i = 0; i < periods.Count; i++)
        {
            if (stats(periods[i]) is { P25: not null, P75: not null })
            {
                run.Add(i);
            }
            else
            {
                Close();
            }
        }
        Close();
        return path.ToString().Trim();
    }

    private static IReadOnlyList<(string X, string Y)> Dots(IReadOnlyList<ChartPeriod> periods, Func<ChartPeriod, decimal?> value, Func<int, decimal> x, Func<decimal, decimal> y) =>
        [.. periods.Select((p, i) => (p, i)).Where(t => value(t.p) is not null).Select(t => (C(x(t.i)), C(y(value(t.p)!.Value))))];

    private static string C(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>What the chart partial draws: the geometry, ids unique on the page, the currency and what is charted.</summary>
public sealed record ChartView(PriceChart Chart, string Id, string Currency, string Subject)
{
    /// <summary>Every label when they fit, otherwise every k-th, so weeks of a long range stay readable.</summary>
    public bool ShowTick(int index) => index % Math.Max(1, (int)Math.Ceiling(Chart.Ticks.Count / 12m)) == 0;
}

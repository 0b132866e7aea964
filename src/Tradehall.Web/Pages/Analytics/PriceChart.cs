using System.Text;
using Tradehall.Core.Analytics.Charts;
using Tradehall.Core.Analytics.Prices;
using static Tradehall.Web.Pages.Analytics.ChartFrame;

namespace Tradehall.Web.Pages.Analytics;

/// <summary>One period of a chart: its label, the offers and requests, and offers per request.</summary>
public sealed record ChartPeriod(string Label, PriceStats Offers, PriceStats Requests, decimal? Ratio);

/// <summary>A point of a line, with the period it belongs to (for its tooltip).</summary>
public sealed record ChartDot(string X, string Y, int Period);

/// <summary>A bar, with the period it belongs to.</summary>
public sealed record ChartBar(string X, string Y, string Width, string Height, int Period);

/// <summary>
/// ANL-01: geometry of the median-price chart drawn on the server as SVG — medians of offers and requests over their
/// quartile bands, on a price axis with round ticks and gridlines — so the page needs no script. Each period is a
/// column whose tooltip gives its figures; the table under the chart gives every number too.
/// </summary>
public sealed class PriceChart
{
    public required ChartFrame Frame { get; init; }
    public required IReadOnlyList<AxisTick> PriceTicks { get; init; }
    public required string OfferBand { get; init; }
    public required string OfferLine { get; init; }
    public required string RequestBand { get; init; }
    public required string RequestLine { get; init; }
    public required IReadOnlyList<ChartDot> OfferDots { get; init; }
    public required IReadOnlyList<ChartDot> RequestDots { get; init; }

    public bool HasPrices => PriceTicks.Count > 0;

    public static PriceChart For(IReadOnlyList<ChartPeriod> periods, ChartSize size)
    {
        var prices = periods.SelectMany(p => new[] { p.Offers.P25, p.Offers.P75, p.Requests.P25, p.Requests.P75, p.Offers.Median, p.Requests.Median })
            .OfType<decimal>().ToList();
        IReadOnlyList<decimal> ticks = prices.Count > 0 ? ChartScale.PriceTicks(prices, size.Height / 45) : [];
        var frame = Build(size, [.. periods.Select(p => p.Label)], ticks.Select(t => Format(t, ticks)), []);
        Pixel Y(decimal v) => frame.Y(v, ticks);
        return new PriceChart
        {
            Frame = frame,
            PriceTicks = ticks.Count > 0 ? frame.ValueTicks(ticks) : [],
            OfferBand = ticks.Count > 0 ? Band(periods, p => p.Offers, frame.X, Y) : "",
            OfferLine = ticks.Count > 0 ? Line(periods, p => p.Offers.Median, frame.X, Y) : "",
            RequestBand = ticks.Count > 0 ? Band(periods, p => p.Requests, frame.X, Y) : "",
            RequestLine = ticks.Count > 0 ? Line(periods, p => p.Requests.Median, frame.X, Y) : "",
            OfferDots = ticks.Count > 0 ? Dots(periods, p => p.Offers.Median, frame.X, Y) : [],
            RequestDots = ticks.Count > 0 ? Dots(periods, p => p.Requests.Median, frame.X, Y) : [],
        };
    }

    /// <summary>A path through the periods that have a value; a gap starts a new segment.</summary>
    public static string Line(IReadOnlyList<ChartPeriod> periods, Func<ChartPeriod, decimal?> value, Func<int, Pixel> x, Func<decimal, Pixel> y)
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

    public static IReadOnlyList<ChartDot> Dots(IReadOnlyList<ChartPeriod> periods, Func<ChartPeriod, decimal?> value, Func<int, Pixel> x, Func<decimal, Pixel> y) =>
        [.. periods.Select((p, i) => (p, i)).Where(t => value(t.p) is not null).Select(t => new ChartDot(C(x(t.i)), C(y(value(t.p)!.Value)), t.i))];

    /// <summary>The area between the upper and the lower quartile, one closed shape per run of periods with both.</summary>
    private static string Band(IReadOnlyList<ChartPeriod> periods, Func<ChartPeriod, PriceStats> stats, Func<int, Pixel> x, Func<decimal, Pixel> y)
    {
        var path = new StringBuilder();
        var run = new List<int>();
        void Close()
        {
            if (run.Count > 0)
            {
                // A single period gets a narrow band of its own, so it is still visible.
                var half = run.Count == 1 ? 4 : 0;
                path.Append(" M").Append(C(x(run[0]).Moved(-half))).Append(',').Append(C(y(stats(periods[run[0]]).P75!.Value)));
                foreach (var i in run)
                {
                    path.Append(" L").Append(C(x(i).Moved(half))).Append(',').Append(C(y(stats(periods[i]).P75!.Value)));
                }
                foreach (var i in Enumerable.Reverse(run))
                {
                    path.Append(" L").Append(C(x(i).Moved(half))).Append(',').Append(C(y(stats(periods[i]).P25!.Value)));
                }
                path.Append(" L").Append(C(x(run[0]).Moved(-half))).Append(',').Append(C(y(stats(periods[run[0]]).P25!.Value))).Append(" Z");
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
}

/// <summary>
/// ANL-01: geometry of the listings chart — offers and requests posted per period as bars on a count axis, and offers per
/// request as a line on a second axis on the right.
/// </summary>
public sealed class CountChart
{
    public required ChartFrame Frame { get; init; }
    public required IReadOnlyList<AxisTick> CountTicks { get; init; }
    public required IReadOnlyList<AxisTick> RatioTicks { get; init; }
    public required IReadOnlyList<ChartBar> OfferBars { get; init; }
    public required IReadOnlyList<ChartBar> RequestBars { get; init; }
    public required string RatioLine { get; init; }
    public required IReadOnlyList<ChartDot> RatioDots { get; init; }

    public static CountChart For(IReadOnlyList<ChartPeriod> periods, ChartSize size)
    {
        var maxCount = periods.Select(p => Math.Max(p.Offers.Count, p.Requests.Count)).DefaultIfEmpty(0).Max();
        var counts = ChartScale.Ticks(0, Math.Max(1, maxCount), size.Height / 45, whole: true);
        var ratios = periods.Select(p => p.Ratio).OfType<decimal>().ToList();
        IReadOnlyList<decimal> ratioTicks = ratios.Count > 0 ? ChartScale.Ticks(0, ratios.Max(), size.Height / 45) : [];
        var frame = ChartFrame.Build(size, [.. periods.Select(p => p.Label)], counts.Select(t => Format(t, counts)), ratioTicks.Select(t => Format(t, ratioTicks)));
        var bar = frame.Slot * 0.35;
        ChartBar Bar(Pixel x, int count, int period)
        {
            var top = frame.Y(count, counts);
            return new ChartBar(C(x), C(top), C(bar), C(frame.PlotBottom - top.At), period);
        }
        Pixel RatioY(decimal v) => frame.Y(v, ratioTicks);
        return new CountChart
        {
            Frame = frame,
            CountTicks = frame.ValueTicks(counts),
            RatioTicks = ratioTicks.Count > 0 ? frame.ValueTicks(ratioTicks) : [],
            OfferBars = [.. periods.Select((p, i) => Bar(frame.X(i).Moved(-bar), p.Offers.Count, i)).Where(b => b.Height != "0")],
            RequestBars = [.. periods.Select((p, i) => Bar(frame.X(i), p.Requests.Count, i)).Where(b => b.Height != "0")],
            RatioLine = ratioTicks.Count > 0 ? PriceChart.Line(periods, p => p.Ratio, frame.X, RatioY) : "",
            RatioDots = ratioTicks.Count > 0 ? PriceChart.Dots(periods, p => p.Ratio, frame.X, RatioY) : [],
        };
    }
}

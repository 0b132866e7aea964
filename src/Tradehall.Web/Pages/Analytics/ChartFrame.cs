using Tradehall.Core.Analytics.Charts;

namespace Tradehall.Web.Pages.Analytics;

/// <summary>
/// The sizes each chart is drawn in — wide for a desktop, narrow for a phone, one shown by CSS — so that the labels,
/// whose size the viewBox scales, stay readable on both.
/// </summary>
public sealed record ChartSize(string Name, int Width, int Height)
{
    /// <summary>Label size in the chart's own units; about 13–14 px on screen at either size.</summary>
    public const double FontSize = 13;

    public static readonly ChartSize Wide = new("wide", 720, 300);
    public static readonly ChartSize Narrow = new("narrow", 360, 280);
    public static readonly IReadOnlyList<ChartSize> Both = [Wide, Narrow];
}

/// <summary>A label on an axis at a position along it.</summary>
public sealed record AxisTick(string At, string Label);

/// <summary>
/// ANL-01: the plot area of a chart and its axes, laid out by the measured width of the labels: the value axes are as wide
/// as their longest label (never clipped), and period labels are thinned out until none touch.
/// </summary>
public sealed class ChartFrame
{
    private const double Gap = 10;

    public required ChartSize Size { get; init; }
    public required double PlotLeft { get; init; }
    public required double PlotRight { get; init; }
    public required double PlotTop { get; init; }
    public required double PlotBottom { get; init; }
    public required double Slot { get; init; }
    public required IReadOnlyList<AxisTick> PeriodTicks { get; init; }

    /// <summary>Where period labels sit: clear of the lowest value label, which is centred on the bottom axis.</summary>
    public double LabelY => PlotBottom + ChartSize.FontSize + 8;

    public static double TitleY => ChartSize.FontSize + 2;

    /// <param name="left">The labels of the value axis on the left.</param>
    /// <param name="right">The labels of a second value axis on the right, if any.</param>
    public static ChartFrame Build(ChartSize size, IReadOnlyList<string> periods, IEnumerable<string> left, IEnumerable<string> right)
    {
        var font = ChartSize.FontSize;
        var widest = ChartText.Widest(periods, font);
        var leftWidth = ChartText.Widest(left, font);
        var rightWidth = ChartText.Widest(right, font);
        var plotLeft = Math.Max(leftWidth + Gap, widest / 2 + 2);
        var plotRight = size.Width - Math.Max(rightWidth > 0 ? rightWidth + Gap : Gap, widest / 2 + 2);
        var slot = (plotRight - plotLeft) / Math.Max(1, periods.Count);
        var every = ChartScale.LabelEvery(widest, slot, Gap);
        return new ChartFrame
        {
            Size = size,
            PlotLeft = plotLeft,
            PlotRight = plotRight,
            PlotTop = font * 2.2,
            PlotBottom = size.Height - font - 16,
            Slot = slot,
            PeriodTicks = [.. periods.Select((label, i) => (label, i)).Where(p => p.i % every == 0)
                .Select(p => new AxisTick(C(plotLeft + slot * (p.i + 0.5)), p.label))],
        };
    }

    /// <summary>The middle of period <paramref name="i"/>.</summary>
    public Pixel X(int i) => new(PlotLeft + Slot * (i + 0.5));

    /// <summary>A value's height on an axis running from the first to the last of <paramref name="ticks"/>.</summary>
    public Pixel Y(decimal value, IReadOnlyList<decimal> ticks)
    {
        var (low, high) = (ticks[0], ticks[^1]);
        return new(PlotBottom - (double)((value - low) / (high == low ? 1 : high - low)) * (PlotBottom - PlotTop));
    }

    /// <summary>Ticks of a value axis with their labels in the reader's format.</summary>
    public IReadOnlyList<AxisTick> ValueTicks(IReadOnlyList<decimal> ticks) =>
        [.. ticks.Select(t => new AxisTick(C(Y(t, ticks)), Format(t, ticks)))];

    public static string Format(decimal value, IReadOnlyList<decimal> ticks) =>
        value.ToString(ChartScale.Decimals(ticks) == 0 ? "N0" : "N2", CultureInfo.CurrentCulture);

    /// <summary>A coordinate as SVG wants it: invariant, one decimal.</summary>
    public static string C(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string C(Pixel at) => C(at.At);
}

/// <summary>
/// A place on the chart's canvas in SVG user units. Prices are decimal; where one is placed on the canvas is a Pixel, so
/// the geometry never passes for money.
/// </summary>
public readonly record struct Pixel(double At)
{
    /// <summary>The place <paramref name="by"/> units further along (left or up when negative).</summary>
    public Pixel Moved(double by) => new(At + by);
}

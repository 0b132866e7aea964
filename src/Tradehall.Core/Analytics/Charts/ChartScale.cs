namespace Tradehall.Core.Analytics.Charts;

/// <summary>
/// ANL-01, ANL-02: axis arithmetic shared by the web charts and the review PDF — round tick values with gridlines at
/// them, and how many period labels can be shown without two touching.
/// </summary>
public static class ChartScale
{
    private static readonly decimal[] Steps = [1m, 2m, 2.5m, 5m, 10m];

    /// <summary>
    /// Ticks at 1, 2, 2.5 or 5 times a power of ten that cover <paramref name="low"/>..<paramref name="high"/> with at most
    /// <paramref name="maxTicks"/> values (at least two); the first and last tick are the axis' ends. With
    /// <paramref name="whole"/> the step is a whole number, for counts.
    /// </summary>
    public static IReadOnlyList<decimal> Ticks(decimal low, decimal high, int maxTicks, bool whole = false)
    {
        maxTicks = Math.Max(2, maxTicks);
        if (high < low)
        {
            (low, high) = (high, low);
        }
        if (high == low)
        {
            // One value: a band around it, so the line sits mid-chart instead of on an edge.
            var pad = low == 0 ? 1m : Math.Abs(low) / 10;
            (low, high) = (low - pad, high + pad);
        }
        var step = Nice((high - low) / (maxTicks - 1), whole);
        while (true)
        {
            var start = decimal.Floor(low / step) * step;
            var end = decimal.Ceiling(high / step) * step;
            if ((end - start) / step + 1 <= maxTicks)
            {
                var ticks = new List<decimal>();
                for (var t = start; t <= end; t += step)
                {
                    ticks.Add(t);
                }
                return ticks;
            }
            step = Nice(step * 1.01m, whole);
        }
    }

    /// <summary>
    /// Ticks for prices: the range widened by a twentieth on each side (never below zero), so the lowest and highest
    /// points sit inside the plot instead of on its edges.
    /// </summary>
    public static IReadOnlyList<decimal> PriceTicks(IReadOnlyCollection<decimal> prices, int maxTicks)
    {
        var (low, high) = (prices.Min(), prices.Max());
        var pad = (high - low) / 20;
        return Ticks(low >= 0 ? Math.Max(0, low - pad) : low - pad, high + pad, maxTicks);
    }

    /// <summary>The smallest round step not below <paramref name="raw"/>.</summary>
    private static decimal Nice(decimal raw, bool whole)
    {
        if (whole && raw <= 1)
        {
            return 1;
        }
        var magnitude = 1m;
        while (magnitude * 10 <= raw)
        {
            magnitude *= 10;
        }
        while (magnitude > raw && magnitude > 0.0001m)
        {
            magnitude /= 10;
        }
        foreach (var s in Steps)
        {
            var step = s * magnitude;
            if (step >= raw && (!whole || step == decimal.Floor(step)))
            {
                return step;
            }
        }
        return 10 * magnitude;
    }

    /// <summary>Decimal places a tick label needs: none for whole steps, else two.</summary>
    public static int Decimals(IReadOnlyList<decimal> ticks) =>
        ticks.Count > 1 && ticks[1] - ticks[0] is var step && step == decimal.Floor(step) ? 0 : 2;

    /// <summary>
    /// Show every k-th period label: k is the smallest that keeps the widest label plus <paramref name="gap"/> within
    /// the room of k periods (<paramref name="slot"/> each).
    /// </summary>
    public static int LabelEvery(double widestLabel, double slot, double gap) =>
        slot <= 0 ? 1 : Math.Max(1, (int)Math.Ceiling((widestLabel + gap) / slot));
}

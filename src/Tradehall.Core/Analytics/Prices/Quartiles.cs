namespace Tradehall.Core.Analytics.Prices;

/// <summary>Count and quartiles of a set of prices; the quartiles are null when there are no prices.</summary>
public sealed record PriceStats(int Count, decimal? P25, decimal? Median, decimal? P75)
{
    public static readonly PriceStats Empty = new(0, null, null, null);
}

/// <summary>
/// ANL-01: quartiles as PostgreSQL's <c>percentile_cont</c> defines them — for n sorted prices the p-quantile lies at
/// position p·(n−1) (0-based) and is interpolated linearly between the two closest ranks. Computed in
/// <see cref="decimal"/>, rounded to 2 decimals half away from zero only at the end.
/// </summary>
public static class Quartiles
{
    public static PriceStats Of(IEnumerable<decimal> prices)
    {
        var sorted = prices.Order().ToArray();
        return sorted.Length == 0
            ? PriceStats.Empty
            : new PriceStats(sorted.Length, Round(At(sorted, 0.25m)), Round(At(sorted, 0.5m)), Round(At(sorted, 0.75m)));
    }

    /// <summary>The p-quantile of non-empty sorted values by linear interpolation between closest ranks.</summary>
    public static decimal At(IReadOnlyList<decimal> sorted, decimal p)
    {
        var position = p * (sorted.Count - 1);
        var lower = (int)decimal.Floor(position);
        var fraction = position - lower;
        return lower + 1 < sorted.Count ? sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]) : sorted[lower];
    }

    /// <summary>Two decimals, with the scale fixed so JSON shows 1000.00.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>Offers per request; null without requests.</summary>
    public static decimal? Ratio(int offers, int requests) => requests == 0 ? null : Round((decimal)offers / requests);
}

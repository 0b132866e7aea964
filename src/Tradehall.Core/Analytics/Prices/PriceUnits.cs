namespace Tradehall.Core.Analytics.Prices;

/// <summary>How many listings of a selection are priced per <see cref="Unit"/>.</summary>
public sealed record UnitCount(string Unit, int Listings);

/// <summary>
/// ANL-01, ANL-02: a median means something only over prices of one unit, so figures are kept per unit. A unit with an
/// exact conversion joins the unit it converts to — a price per kilogram counts as a price per tonne, a thousand times
/// higher — and every other unit (m³, pieces, pallets …) stands alone.
/// </summary>
public static class PriceUnits
{
    private static readonly Dictionary<string, (string Unit, decimal Factor)> Conversions = new(StringComparer.Ordinal)
    {
        ["kg"] = ("t", 1000m),
    };

    /// <summary>The unit figures of <paramref name="unit"/> are kept under.</summary>
    public static string Of(string unit) => Conversions.TryGetValue(unit, out var c) ? c.Unit : unit;

    /// <summary>A price per <paramref name="unit"/> expressed per <see cref="Of"/> of it.</summary>
    public static decimal Per(string unit, decimal price) => Conversions.TryGetValue(unit, out var c) ? price * c.Factor : price;

    /// <summary>The units of <paramref name="units"/> by how many listings use them, most first; ties by code.</summary>
    public static IReadOnlyList<UnitCount> Count(IEnumerable<string> units) =>
        [.. units.GroupBy(u => u, StringComparer.Ordinal).Select(g => new UnitCount(g.Key, g.Count()))
            .OrderByDescending(u => u.Listings).ThenBy(u => u.Unit, StringComparer.Ordinal)];
}

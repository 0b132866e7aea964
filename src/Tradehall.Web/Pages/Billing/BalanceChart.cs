using System.Text;

namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// BIL-21: the balance over a statement's period as a step line for an inline SVG drawn on the server, so the
/// page needs no script. Geometry is computed in <see cref="decimal"/> like the amounts it is drawn from.
/// </summary>
public sealed class BalanceChart
{
    public const int Width = 640;
    public const int Height = 200;

    private BalanceChart(string path, decimal zeroY, decimal lowest, decimal highest)
    {
        Path = path;
        ZeroY = Coordinate(zeroY);
        Lowest = lowest;
        Highest = highest;
    }

    /// <summary>The <c>d</c> attribute of the balance line: flat between lines, a vertical step at each.</summary>
    public string Path { get; }

    /// <summary>Where the zero balance lies on the vertical axis.</summary>
    public string ZeroY { get; }

    public decimal Lowest { get; }

    public decimal Highest { get; }

    /// <summary>The balance through the period; the line stops at <paramref name="nowUtc"/> when the period is still running.</summary>
    public static BalanceChart For(StatementPeriod statement, DateTime nowUtc)
    {
        var start = statement.StartUtc.Ticks;
        var end = Math.Max(start + 1, Math.Min(statement.EndUtc.Ticks, Math.Max(nowUtc.Ticks, start + 1)));
        var span = statement.EndUtc.Ticks - start;
        var balances = statement.Lines.Select(l => l.BalanceAfter).Append(statement.OpeningBalance).Append(0m).ToList();
        var lowest = balances.Min();
        var highest = balances.Max();
        var range = highest == lowest ? 1m : highest - lowest;

        decimal X(long ticks) => (decimal)(Math.Clamp(ticks, start, statement.EndUtc.Ticks) - start) / span * Width;
        decimal Y(decimal balance) => Height - (balance - lowest) / range * Height;

        var path = new StringBuilder();
        path.Append("M0,").Append(Coordinate(Y(statement.OpeningBalance)));
        foreach (var line in statement.Lines)
        {
            var x = Coordinate(X(line.At.Ticks));
            path.Append(" H").Append(x).Append(" V").Append(Coordinate(Y(line.BalanceAfter)));
        }
        path.Append(" H").Append(Coordinate(X(end)));
        return new BalanceChart(path.ToString(), Y(0m), lowest, highest);
    }

    private static string Coordinate(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

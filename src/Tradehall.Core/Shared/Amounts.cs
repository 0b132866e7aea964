namespace Tradehall.Core.Shared;

/// <summary>
/// The one reader of numbers people type, for every page, endpoint and file that takes an amount. Spaces of any kind
/// between digits are dropped. With both a comma and a point, the last is the decimal mark and the other groups
/// thousands ("1,234.56", "1.234,56"); one mark repeated groups thousands ("1,234,567"). A single mark is the decimal
/// mark ("120,50", "120.5") unless it is the culture's own thousands separator after one to three digits and before three, so
/// "1,234" is 1234 to an English reader and 1.234 to a Russian one, whose thousands are spaced ("1 234,56").
/// </summary>
public static class Amounts
{
    /// <summary>Money: exact minor units of at most <see cref="Money.Decimals"/> decimals; a sign is kept for the caller to judge.</summary>
    public static Parsed<long> Money(string? text, CultureInfo culture)
    {
        var number = Number(text, culture, Shared.Money.Decimals);
        if (number.Value is not { } amount)
        {
            return new Parsed<long>(null, number.Problem);
        }
        // Checked before scaling: a decimal near its own limit would overflow on the way to minor units.
        return Math.Abs(amount) <= long.MaxValue / 100m && Shared.Money.ToMinor(amount) is { } minor
            ? Parsed.Of(minor)
            : Parsed.Refused<long>(ParseProblem.TooLarge);
    }

    /// <summary>Any decimal number (a quantity, an exchange rate) with at most <paramref name="maxDecimals"/> significant decimals.</summary>
    public static Parsed<decimal> Number(string? text, CultureInfo culture, int maxDecimals = 28)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Parsed.Blank<decimal>();
        }
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var negative = compact[0] is '-' or '\u2212';
        if (negative || compact[0] == '+')
        {
            compact = compact[1..];
        }
        if (compact.Length == 0 || !compact.All(c => char.IsAsciiDigit(c) || c is ',' or '.'))
        {
            return Parsed.Refused<decimal>(ParseProblem.NotANumber);
        }
        var (whole, fraction, group) = Split(compact, culture.NumberFormat.NumberGroupSeparator);
        if (!Grouped(whole, group) || fraction is { Length: 0 })
        {
            return Parsed.Refused<decimal>(ParseProblem.NotANumber);
        }
        var digits = group is { } g ? whole.Replace(g.ToString(), "", StringComparison.Ordinal) : whole;
        var decimals = fraction?.TrimEnd('0') ?? "";
        if (decimals.Length > maxDecimals)
        {
            return Parsed.Refused<decimal>(ParseProblem.TooManyDecimals);
        }
        var invariant = digits + (decimals.Length > 0 ? "." + decimals : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed.Refused<decimal>(ParseProblem.TooLarge);
        }
        return Parsed.Of(negative ? -value : value);
    }

    /// <summary>The whole part (with its group marks), the decimals (null when there is no decimal mark) and the group mark.</summary>
    private static (string Whole, string? Fraction, char? Group) Split(string text, string cultureGroup)
    {
        var comma = text.LastIndexOf(',');
        var point = text.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
        {
            var mark = Math.Max(comma, point);
            return (text[..mark], text[(mark + 1)..], text[mark] == ',' ? '.' : ',');
        }
        var at = Math.Max(comma, point);
        if (at < 0)
        {
            return (text, null, null);
        }
        var only = text[at];
        var single = text.IndexOf(only, StringComparison.Ordinal) == at;
        if (!single || (cultureGroup == only.ToString() && text.Length - at - 1 == 3 && at <= 3 && text[0] != '0'))
        {
            return (text, null, only);
        }
        return (text[..at], text[(at + 1)..], null);
    }

    /// <summary>Digits, with any group mark standing between groups of three after a first group of one to three.</summary>
    private static bool Grouped(string whole, char? group)
    {
        if (whole.Length == 0)
        {
            return false;
        }
        if (group is not { } mark)
        {
            return whole.All(char.IsAsciiDigit);
        }
        var groups = whole.Split(mark);
        return groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit)) && groups[0].Length <= 3 && groups[0][0] != '0'
            && groups.Skip(1).All(g => g.Length == 3);
    }
}

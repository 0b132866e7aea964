namespace Tradehall.Core.Shared;

/// <summary>The one reader of days and months as date inputs and the API send them: <c>YYYY-MM-DD</c> and <c>YYYY-MM</c>.</summary>
public static class IsoDates
{
    public static Parsed<DateOnly> Day(string? text) => Read(text, "yyyy-MM-dd");

    /// <summary>A month, as its first day.</summary>
    public static Parsed<DateOnly> Month(string? text) => Read(text, "yyyy-MM");

    private static Parsed<DateOnly> Read(string? text, string format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Parsed.Blank<DateOnly>();
        }
        return DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Parsed.Of(day)
            : Parsed.Refused<DateOnly>(ParseProblem.NotADate);
    }
}

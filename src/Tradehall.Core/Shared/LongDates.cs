namespace Tradehall.Core.Shared;

public static class LongDates
{
    /// <summary>
    /// A date written out in the current culture without the weekday — «7 декабря 2026 г.», "December 7, 2026" — so it
    /// reads right after a preposition («от», «до») as contracts and invoices put it.
    /// </summary>
    public static string LongDay(this DateOnly day)
    {
        var culture = CultureInfo.CurrentCulture;
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd, ", "", StringComparison.Ordinal)
            .Replace("dddd ", "", StringComparison.Ordinal).Replace(", dddd", "", StringComparison.Ordinal).Trim();
        return day.ToString(pattern, culture);
    }
}

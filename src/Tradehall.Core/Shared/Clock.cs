namespace Tradehall.Core.Shared;

public static class Clock
{
    /// <summary>The current instant as a UTC <see cref="DateTime"/>, the form stored in the database.</summary>
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in the operator's time zone (ages, deadlines and periods are counted in it).</summary>
    public static DateOnly Today(this TimeProvider time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}

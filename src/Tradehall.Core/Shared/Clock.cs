namespace Tradehall.Core.Shared;

public static class Clock
{
    /// <summary>
    /// The current instant as a UTC <see cref="DateTime"/>, the form stored in the database — whole microseconds,
    /// the finest PostgreSQL keeps, so a value reads back exactly as written (hashes over it still match).
    /// </summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>Today's date in the operator's time zone (ages, deadlines and periods are counted in it).</summary>
    public static DateOnly Today(this TimeProvider time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}

namespace Tradehall.Core.Shared;

public static class ZoneNames
{
    /// <summary>
    /// RUN-07: a time zone as people name it — its city in the reader's language and its offset now, «Москва (UTC+3)» —
    /// rather than the database id <c>Europe/Moscow</c>.
    /// </summary>
    public static string Display(TimeZoneInfo zone, IStringLocalizer text, DateTimeOffset now)
    {
        var city = zone.Id.Contains('/', StringComparison.Ordinal) ? zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') : zone.Id;
        var offset = zone.GetUtcOffset(now);
        var hours = (offset < TimeSpan.Zero ? "−" : "+") + Math.Abs(offset.Hours).ToString(CultureInfo.InvariantCulture)
            + (offset.Minutes == 0 ? "" : ":" + Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture));
        return text["{0} (UTC{1})", text[city].Value, offset == TimeSpan.Zero ? "" : hours];
    }
}

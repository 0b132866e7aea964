namespace Tradehall.Web.Pages;

/// <summary>RUN-07: dates and numbers for pages, in the visitor's culture and the operator's time zone.</summary>
public sealed class Formats(IOptions<TradehallOptions> site, IStringLocalizer<SharedResource> text, TimeProvider time)
{
    /// <summary>The operator's time zone as people name it, in the visitor's language.</summary>
    public string ZoneName => ZoneNames.Display(site.Value.Zone, text, time.GetUtcNow());

    /// <summary>The zone's id, for scripts that format times in it.</summary>
    public string ZoneId => site.Value.TimeZone;

    /// <summary>A moment as every page writes it: the day as <see cref="Day(DateOnly)"/> writes it, then the time.</summary>
    public string When(DateTime utc)
    {
        var local = Local(utc);
        return DateOnly.FromDateTime(local).LongDay() + ", " + local.ToString("t", CultureInfo.CurrentCulture);
    }

    public string When(DateTime? utc) => utc is { } value ? When(value) : "—";

    public string Day(DateTime utc) => DateOnly.FromDateTime(Local(utc)).LongDay();

    public string Day(DateOnly day) => day.LongDay();

    public string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Money with two decimals in the visitor's number format and the ISO currency code.</summary>
    public string Money(decimal amount, string currency) => amount.ToString("N2", CultureInfo.CurrentCulture) + " " + currency;

    /// <summary>For <c>datetime</c> attributes of <c>&lt;time&gt;</c>: machine-readable UTC.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), site.Value.Zone);
}

using System.Globalization;
using Microsoft.Extensions.Options;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Pages;

/// <summary>RUN-07: dates and numbers for pages, in the visitor's culture and the operator's time zone.</summary>
public sealed class Formats(IOptions<TradehallOptions> site)
{
    public string ZoneName => site.Value.TimeZone;

    public string When(DateTime utc) =>
        Local(utc).ToString("g", CultureInfo.CurrentCulture);

    public string When(DateTime? utc) => utc is { } value ? When(value) : "—";

    public string Day(DateTime utc) => Local(utc).ToString("d", CultureInfo.CurrentCulture);

    public string Day(DateOnly day) => day.LongDay();

    public string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Money with two decimals in the visitor's number format and the ISO currency code.</summary>
    public string Money(decimal amount, string currency) => amount.ToString("N2", CultureInfo.CurrentCulture) + " " + currency;

    /// <summary>For <c>datetime</c> attributes of <c>&lt;time&gt;</c>: machine-readable UTC.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), site.Value.Zone);
}

using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Currencies;

namespace Tradehall.Core.Analytics.Prices;

/// <summary>
/// A listing's price in the target currency per <see cref="Unit"/> (its own unit, or the one it converts to, see
/// <see cref="PriceUnits"/>), on the site's calendar day it was posted.
/// </summary>
public sealed record ConvertedPoint(PricePoint Point, DateOnly Day, string Unit, decimal? Price);

/// <summary>
/// ANL-03 for analytics: a price is normalised to the base currency with the rate valid on its posting day, then
/// expressed in the target currency with that day's rate of the target. Without either rate it has no price.
/// </summary>
public static class PricePoints
{
    public static ConvertedPoint Convert(PricePoint point, string target, RateHistory rates, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(point.PostedAt, DateTimeKind.Utc), zone));
        var from = rates.Rate(point.Currency, day);
        var to = rates.Rate(target, day);
        decimal? price = from is { } f && to is { } t ? PriceUnits.Per(point.Unit, Shared.Money.ToAmount(point.Price) * f / t) : null;
        return new ConvertedPoint(point, day, PriceUnits.Of(point.Unit), price);
    }

    /// <summary>The local midnight of <paramref name="day"/> in <paramref name="zone"/>, as UTC.</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

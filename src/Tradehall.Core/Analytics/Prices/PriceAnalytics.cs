using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Analytics.Prices;

/// <summary>What the page and the API ask for; every field may be missing and gets a default or a field error.</summary>
public sealed record PriceQuery(string? Category, string? Currency, string? From, string? To, string? Interval, string? Country = null, string? Region = null,
    string? Unit = null);

/// <summary>
/// One period of <c>GET /api/v1/analytics/prices</c>: offers and requests of one unit with count and quartiles in the
/// chosen currency per that unit, offers per request, and how many listings had no rate to convert with (left out of
/// the figures). <see cref="Unit"/> is null only when the selection has no listings at all.
/// </summary>
public sealed record PricePeriod(string Period, string? Unit, PriceStats Offers, PriceStats Requests, decimal? SupplyDemandRatio, int Unconverted);

/// <summary>
/// The answer for the page: the periods and the query as it was understood, with the unit the figures are in and
/// every unit the selection's listings use (most used first), to choose another.
/// </summary>
public sealed record PriceSeries(int Category, string Currency, DateOnly From, DateOnly To, string Interval, string? Country, string? Region,
    string? Unit, IReadOnlyList<UnitCount> Units, IReadOnlyList<PricePeriod> Periods);

/// <summary>ANL-01: market prices per category subtree, optionally per country and region, over months or weeks.</summary>
public sealed class PriceAnalytics(IMarketPrices market, Entitlements entitlements, TimeProvider time,
    IOptions<AnalyticsOptions> options, IOptions<MarketplaceOptions> marketplace, IOptions<TradehallOptions> site)
{
    public const string Month = "month";
    public const string Week = "week";

    /// <summary>Analytics is a paid service (BIL-06): only members with an active analytics subscription get figures.</summary>
    public async Task EnsureSubscriberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (!await entitlements.HasActiveAsync(memberId, ServiceCatalog.Analytics, cancellationToken))
        {
            throw DomainException.Forbidden("analytics.subscription_required", "Market analytics needs an active analytics subscription.");
        }
    }

    public async Task<IReadOnlyList<PricePeriod>> PricesAsync(Guid memberId, PriceQuery query, CancellationToken cancellationToken)
    {
        await EnsureSubscriberAsync(memberId, cancellationToken);
        return (await SeriesAsync(query, cancellationToken)).Periods;
    }

    /// <summary>The figures for a query; the caller has checked the subscription.</summary>
    public async Task<PriceSeries> SeriesAsync(PriceQuery query, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var zone = site.Value.Zone;
        var errors = new FieldErrors();
        var tree = await market.CategoriesAsync(cancellationToken);
        var category = int.TryParse(query.Category, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Find(tree, id) : null;
        if (category is null)
        {
            errors.Add("category", string.IsNullOrWhiteSpace(query.Category) ? "Choose a category." : "There is no such category.");
        }
        var currency = string.IsNullOrWhiteSpace(query.Currency) ? marketplace.Value.BaseCurrency : query.Currency.Trim().ToUpperInvariant();
        if (!marketplace.Value.Currencies.Contains(currency, StringComparer.Ordinal))
        {
            errors.Add("currency", "Choose one of the listed currencies.");
        }
        var interval = string.IsNullOrWhiteSpace(query.Interval) ? Month : query.Interval.Trim().ToLowerInvariant();
        if (interval is not (Month or Week))
        {
            errors.Add("interval", "The interval is month or week.");
        }
        var today = time.Today(zone);
        var to = ParseDay(query.To, end: true, today, "to", errors);
        var from = ParseDay(query.From, end: false, PricePoints.MonthOf(today).AddMonths(1 - o.DefaultRangeMonths), "from", errors);
        if (!errors.Has("from") && !errors.Has("to"))
        {
            if (from > to)
            {
                errors.Add("from", "The start must not be after the end.");
            }
            else if (from.AddMonths(o.MaxRangeMonths) <= to)
            {
                errors.Add("to", "The range is too long; choose fewer months.");
            }
        }
        var country = string.IsNullOrWhiteSpace(query.Country) ? null : query.Country.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", "Enter a two-letter country code, such as RU.");
        }
        var region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim();
        var unit = string.IsNullOrWhiteSpace(query.Unit) ? null : query.Unit.Trim();
        if (unit is not null && !marketplace.Value.Units.Contains(unit, StringComparer.Ordinal))
        {
            errors.Add("unit", "Choose one of the listed units.");
        }
        errors.ThrowIfAny("analytics.query_invalid", "Some parameters are not valid.");

        var subtree = Flatten(category!).ToList();
        var points = await market.PointsAsync(subtree, PricePoints.StartUtc(from, zone), PricePoints.StartUtc(to.AddDays(1), zone), cancellationToken);
        var rates = await market.RatesAsync(to, cancellationToken);
        var inPlace = points
            .Where(p => (country is null || p.Country == country) && (region is null || string.Equals(p.Region, region, StringComparison.OrdinalIgnoreCase)))
            .Select(p => PricePoints.Convert(p, currency, rates, zone))
            .ToList();
        // Without a unit asked for, the one most listings use: figures never mix units.
        var units = PriceUnits.Count(inPlace.Select(p => p.Unit));
        var chosen = unit is not null ? PriceUnits.Of(unit) : units.Count > 0 ? units[0].Unit : null;
        var converted = inPlace.Where(p => p.Unit == chosen).ToLookup(p => Bucket(p.Day, interval));
        var periods = new List<PricePeriod>();
        for (var start = Bucket(from, interval); start <= to; start = interval == Month ? start.AddMonths(1) : start.AddDays(7))
        {
            var inPeriod = converted[start].ToList();
            var offers = Quartiles.Of(Prices(inPeriod, ListingType.Offer));
            var requests = Quartiles.Of(Prices(inPeriod, ListingType.Request));
            periods.Add(new PricePeriod(Label(start, interval), chosen, offers, requests, Quartiles.Ratio(offers.Count, requests.Count),
                inPeriod.Count(p => p.Price is null)));
        }
        return new PriceSeries(category!.Id, currency, from, to, interval, country, region, chosen, units, periods);
    }

    private static IEnumerable<decimal> Prices(IEnumerable<ConvertedPoint> points, ListingType type) =>
        points.Where(p => p.Point.Type == type && p.Price is not null).Select(p => p.Price!.Value);

    private static DateOnly Bucket(DateOnly day, string interval) => interval == Week ? PricePoints.WeekOf(day) : PricePoints.MonthOf(day);

    /// <summary>Months as 2026-03, weeks by their Monday as 2026-03-02.</summary>
    public static string Label(DateOnly start, string interval) =>
        start.ToString(interval == Week ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A day (2026-03-15) or a month (2026-03: its first day for a start, its last for an end).</summary>
    private static DateOnly ParseDay(string? value, bool end, DateOnly fallback, string field, FieldErrors errors)
    {
        if (IsoDates.Day(value) is { Value: { } day })
        {
            return day;
        }
        var month = IsoDates.Month(value);
        if (month.Value is { } first)
        {
            return end ? first.AddMonths(1).AddDays(-1) : first;
        }
        if (!month.IsBlank)
        {
            errors.Add(field, "Enter a date as YYYY-MM-DD or a month as YYYY-MM.");
        }
        return fallback;
    }

    public static CategoryNode? Find(IEnumerable<CategoryNode> nodes, int id)
    {
        foreach (var node in nodes)
        {
            if (node.Id == id)
            {
                return node;
            }
            if (Find(node.Children, id) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    public static IEnumerable<int> Flatten(CategoryNode node) => node.Children.SelectMany(Flatten).Prepend(node.Id);
}

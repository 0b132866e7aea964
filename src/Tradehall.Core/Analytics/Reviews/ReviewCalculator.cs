using Tradehall.Core.Analytics.Prices;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02: the figures of one top-level category's review from its listings' converted prices. Every median, quartile,
/// trend and change is taken over one unit at a time, so a tonne of pellets never meets a cubic metre of chips.
/// </summary>
internal static class ReviewCalculator
{
    /// <param name="ofCategory">The category's (and its subtree's) prices of the reviewed month and the months before it.</param>
    public static ReviewFigures Figures(CategoryNode top, DateOnly month, string currency, IReadOnlyList<ConvertedPoint> ofCategory, AnalyticsOptions o)
    {
        var inMonth = ofCategory.Where(p => PricePoints.MonthOf(p.Day) == month).ToList();
        var units = PriceUnits.Count(inMonth.Select(p => p.Unit)).Select(u => Unit(u.Unit, month, ofCategory, o.ReviewTrendMonths)).ToList();
        var regions = inMonth.GroupBy(p => (p.Point.Country, p.Point.Region))
            .Select(g => new ReviewRegion(g.Key.Country, g.Key.Region, g.Count(p => p.Point.Type == ListingType.Offer), g.Count(p => p.Point.Type == ListingType.Request)))
            .OrderByDescending(r => r.Offers + r.Requests).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal)
            .Take(o.ReviewTopRegions).ToList();
        var subcategories = top.Children.SelectMany(child =>
        {
            var ids = PriceAnalytics.Flatten(child).ToHashSet();
            var ofChild = inMonth.Where(p => ids.Contains(p.Point.CategoryId)).ToList();
            return PriceUnits.Count(ofChild.Select(p => p.Unit)).Select(u => Section(child.Id, u.Unit, ofChild.Where(p => p.Unit == u.Unit)));
        }).ToList();
        return new ReviewFigures(currency, units, regions, subcategories, inMonth.Count(p => p.Price is null));
    }

    private static UnitReview Unit(string unit, DateOnly month, IReadOnlyList<ConvertedPoint> ofCategory, int trendMonths)
    {
        var ofUnit = ofCategory.Where(p => p.Unit == unit).ToLookup(p => PricePoints.MonthOf(p.Day));
        var trend = new List<ReviewMonth>();
        for (var m = month.AddMonths(1 - trendMonths); m <= month; m = m.AddMonths(1))
        {
            trend.Add(new ReviewMonth(PriceAnalytics.Label(m, PriceAnalytics.Month), Stats(ofUnit[m], ListingType.Offer), Stats(ofUnit[m], ListingType.Request)));
        }
        var (previous, now) = (trend[^2], trend[^1]);
        return new UnitReview(unit, now.Offers, now.Requests, Quartiles.Ratio(now.Offers.Count, now.Requests.Count),
            Change(previous.Offers.Median, now.Offers.Median), Change(previous.Requests.Median, now.Requests.Median), trend);
    }

    private static ReviewSection Section(int categoryId, string unit, IEnumerable<ConvertedPoint> points)
    {
        var list = points.ToList();
        var offers = Stats(list, ListingType.Offer);
        var requests = Stats(list, ListingType.Request);
        return new ReviewSection(categoryId, unit, offers, requests, Quartiles.Ratio(offers.Count, requests.Count));
    }

    private static PriceStats Stats(IEnumerable<ConvertedPoint> points, ListingType type) =>
        Quartiles.Of(points.Where(p => p.Point.Type == type && p.Price is not null).Select(p => p.Price!.Value));

    /// <summary>The change in per cent, or null without both medians.</summary>
    private static decimal? Change(decimal? before, decimal? now) =>
        before is { } b && b != 0 && now is { } n ? Quartiles.Round((n - b) / b * 100) : null;
}

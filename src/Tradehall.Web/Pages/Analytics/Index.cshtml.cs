using Tradehall.Core.Analytics.Prices;

namespace Tradehall.Web.Pages.Analytics;

/// <summary>
/// ANL-01: analytics subscribers choose a category, unit, currency, place and range and see median prices with quartiles,
/// counts and offers per request as charts and a table; everyone else sees what the service offers with a teaser chart.
/// </summary>
public sealed class IndexModel(PriceAnalytics analytics, PriceReviewArchive reviews, Entitlements entitlements, IMarketPrices market,
    IOptions<MarketplaceOptions> marketplace) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Currency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Interval { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public bool Subscriber { get; private set; }
    public IReadOnlyList<(int Id, string Name, int Depth)> Categories { get; private set; } = [];
    public IReadOnlyList<string> Currencies => marketplace.Value.Currencies;
    public PriceSeries? Series { get; private set; }
    public string CategoryName { get; private set; } = "";
    public IReadOnlyList<ChartPeriod> ChartPeriods { get; private set; } = [];

    /// <summary>For visitors without the subscription: a coarse look at one category's prices.</summary>
    public PriceTeaser? Teaser { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Subscriber = User.Identity?.IsAuthenticated == true
            && await entitlements.HasActiveAsync(User.MemberId(), ServiceCatalog.Analytics, cancellationToken);
        if (!Subscriber)
        {
            Teaser = await reviews.TeaserAsync(cancellationToken);
            return;
        }
        var tree = await market.CategoriesAsync(cancellationToken);
        var flat = new List<(int, string, int)>();
        void Walk(IEnumerable<CategoryNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                flat.Add((node.Id, node.Name, depth));
                Walk(node.Children, depth + 1);
            }
        }
        Walk(tree, 0);
        Categories = flat;
        Category ??= tree.Count > 0 ? tree[0].Id.ToString(CultureInfo.InvariantCulture) : null;
        Currency ??= marketplace.Value.BaseCurrency;
        Interval ??= PriceAnalytics.Month;
        await TryAsync(async () => Series = await analytics.SeriesAsync(new PriceQuery(Category, Currency, From, To, Interval, Country, Region, Unit), cancellationToken),
            nameof(Category), nameof(Unit), nameof(Currency), nameof(Country), nameof(Region), nameof(From), nameof(To), nameof(Interval));
        if (Series is { } series)
        {
            CategoryName = flat.FirstOrDefault(c => c.Item1 == series.Category).Item2 ?? "";
            // The inputs show the range as understood, so an empty form comes back filled in.
            From = series.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = series.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ChartPeriods = [.. series.Periods.Select(p => new ChartPeriod(p.Period, p.Offers, p.Requests, p.SupplyDemandRatio))];
        }
    }
}

using Tradehall.Core.Analytics.Prices;
using static Tradehall.Core.Marketplace.Listings.ListingStatus;
using static Tradehall.Core.Marketplace.Listings.ListingType;

namespace Tradehall.Tests.Analytics;

public sealed class AnalyticsApiTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public void ANL01_quartiles_interpolate_between_the_closest_ranks_like_percentile_cont()
    {
        Assert.Equal(PriceStats.Empty, Quartiles.Of([]));
        Assert.Equal(new PriceStats(1, 7.00m, 7.00m, 7.00m), Quartiles.Of([7m]));
        // 1, 2, 3, 4: positions 0.75, 1.5, 2.25.
        Assert.Equal(new PriceStats(4, 1.75m, 2.50m, 3.25m), Quartiles.Of([4m, 1m, 3m, 2m]));
        // Rounded to two decimals at the end only, half away from zero: 0.005 · 1 → 0.01.
        Assert.Equal(0.01m, Quartiles.Of([0m, 0.01m]).Median);
        Assert.Null(Quartiles.Ratio(3, 0));
        Assert.Equal(0.33m, Quartiles.Ratio(1, 3));
    }

    [Fact]
    public async Task ANL01_prices_are_bucketed_by_month_and_normalised_with_the_rate_of_each_listings_day()
    {
        var tree = await AnalyticsSteps.TreeAsync(app);
        var category = tree[3];
        var child = category.Children[0];
        var ops = await Operators.TokenAsync(app);
        await AnalyticsSteps.SetRateAsync(app, ops, "USD", 80m, "2026-01-01");
        await AnalyticsSteps.SetRateAsync(app, ops, "USD", 90m, "2026-02-01");
        await AnalyticsSteps.ListAsync(app,
            (Offer, category.Id, 1000m, "RUB", "2026-01-05T09:00:00Z", "Tver", Active),
            (Offer, child.Id, 10m, "USD", "2026-01-20T09:00:00Z", "Tver", Expired),
            (Offer, child.Id, 10m, "USD", "2026-02-15T09:00:00Z", "Omsk", Active),
            (Offer, child.Id, 3m, "GBP", "2026-02-16T09:00:00Z", "Omsk", Active),
            (Request, category.Id, 500m, "RUB", "2026-02-17T09:00:00Z", "Omsk", Active),
            // Outside the range: 1 March in Moscow.
            (Offer, child.Id, 1m, "RUB", "2026-02-28T22:00:00Z", "Omsk", Active));
        var member = await AnalyticsSteps.SubscriberAsync(app, "analytics");
        using var client = app.Api(member.Token);

        var response = await client.GetAsync($"/api/v1/analytics/prices?category={category.Id}&currency=RUB&from=2026-01-01&to=2026-02-28&interval=month");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var periods = await response.JsonAsync();
        Assert.Equal(2, periods.GetArrayLength());
        var january = periods[0];
        Assert.Equal("2026-01", january.GetProperty("period").GetString());
        Assert.Equal(["period", "unit", "offers", "requests", "supplyDemandRatio", "unconverted"], january.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("m3", january.GetProperty("unit").GetString());
        Assert.Equal(["count", "p25", "median", "p75"], january.GetProperty("offers").EnumerateObject().Select(p => p.Name).ToArray());
        // 800 (10 USD at 80) and 1000.
        Assert.Equal(2, january.GetProperty("offers").GetProperty("count").GetInt32());
        Assert.Equal(850.00m, january.GetProperty("offers").GetProperty("p25").GetDecimal());
        Assert.Equal(900.00m, january.GetProperty("offers").GetProperty("median").GetDecimal());
        Assert.Equal(0, january.GetProperty("requests").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, january.GetProperty("requests").GetProperty("median").ValueKind);
        Assert.Equal(JsonValueKind.Null, january.GetProperty("supplyDemandRatio").ValueKind);
        var february = periods[1];
        Assert.Equal("2026-02", february.GetProperty("period").GetString());
        // 10 USD at February's 90; the pound has no rate and is only counted as such.
        Assert.Equal(1, february.GetProperty("offers").GetProperty("count").GetInt32());
        Assert.Equal(900.00m, february.GetProperty("offers").GetProperty("median").GetDecimal());
        Assert.Equal(500.00m, february.GetProperty("requests").GetProperty("median").GetDecimal());
        Assert.Equal(1.00m, february.GetProperty("supplyDemandRatio").GetDecimal());
        Assert.Equal(1, february.GetProperty("unconverted").GetInt32());

        // In dollars each price is converted back with its own day's rate: 12.50 and 10 in January.
        var dollars = await (await client.GetAsync($"/api/v1/analytics/prices?category={category.Id}&currency=USD&from=2026-01&to=2026-01")).JsonAsync();
        Assert.Equal(11.25m, dollars[0].GetProperty("offers").GetProperty("median").GetDecimal());
        // A subcategory and a region narrow it down; weeks start on Monday.
        var omsk = await (await client.GetAsync($"/api/v1/analytics/prices?category={child.Id}&from=2026-02-01&to=2026-02-28&country=RU&region=omsk&interval=week")).JsonAsync();
        Assert.Equal("2026-01-26", omsk[0].GetProperty("period").GetString());
        Assert.Equal(1, omsk.EnumerateArray().Sum(p => p.GetProperty("offers").GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task ANL01_a_median_is_taken_over_one_unit_the_most_listed_unless_another_is_asked_for()
    {
        var category = (await AnalyticsSteps.TreeAsync(app)).Single(c => c.Id == 47).Id;
        await AnalyticsSteps.ListInUnitsAsync(app,
            (Offer, 52, 1_800m, "m3", "2025-07-03T09:00:00Z"),
            (Offer, 52, 2_000m, "m3", "2025-07-04T09:00:00Z"),
            (Offer, 53, 2_700m, "m3", "2025-07-05T09:00:00Z"),
            (Offer, 48, 18_000m, "t", "2025-07-06T09:00:00Z"),
            // 19 roubles a kilogram is 19,000 a tonne.
            (Offer, 48, 19m, "kg", "2025-07-07T09:00:00Z"));
        var member = await AnalyticsSteps.SubscriberAsync(app, "analytics");
        using var client = app.Api(member.Token);
        async Task<JsonElement> JulyAsync(string unit) =>
            (await (await client.GetAsync($"/api/v1/analytics/prices?category={category}&from=2025-07&to=2025-07{unit}")).JsonAsync())[0];

        // Without a unit: the one most listings use, never a median across m³ and tonnes.
        var byDefault = await JulyAsync("");
        Assert.Equal("m3", byDefault.GetProperty("unit").GetString());
        Assert.Equal((3, 2_000.00m), (byDefault.GetProperty("offers").GetProperty("count").GetInt32(), byDefault.GetProperty("offers").GetProperty("median").GetDecimal()));
        foreach (var unit in new[] { "t", "kg" })
        {
            var tonnes = await JulyAsync("&unit=" + unit);
            Assert.Equal("t", tonnes.GetProperty("unit").GetString());
            Assert.Equal((2, 18_500.00m), (tonnes.GetProperty("offers").GetProperty("count").GetInt32(), tonnes.GetProperty("offers").GetProperty("median").GetDecimal()));
        }

        // The page says the unit and offers the other one.
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        var (_, page) = await browser.GetAsync($"/analytics?category={category}&from=2025-07-01&to=2025-07-31");
        Assert.Contains("RUB/m³", page.QuerySelector("main h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main p.hint a[href*='Unit=t']"));
        Assert.Equal("t", page.QuerySelectorAll("#Unit option").Select(o => o.GetAttribute("value")).Last());
    }

    [Fact]
    public async Task ANL01_only_analytics_subscribers_get_figures()
    {
        var url = "/api/v1/analytics/prices?category=1&interval=month";
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        var member = await Members.RegisterAsync(app);
        using var plain = app.Api(member.Token);
        var refused = await plain.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("analytics.subscription_required", (await refused.JsonAsync()).GetProperty("code").GetString());
        var reviewer = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        using var wrongKind = app.Api(reviewer.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongKind.GetAsync(url)).StatusCode);
        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "analytics");
        using var client = app.Api(subscriber.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("category=999999", "category")]
    [InlineData("category=abc", "category")]
    [InlineData("category=1&currency=XYZ", "currency")]
    [InlineData("category=1&interval=day", "interval")]
    [InlineData("category=1&from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("category=1&from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("category=1&from=yesterday", "from")]
    [InlineData("category=1&unit=furlong", "unit")]
    public async Task ANL01_bad_parameters_answer_400_naming_the_field(string query, string field)
    {
        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "analytics");
        using var client = app.Api(subscriber.Token);
        var response = await client.GetAsync("/api/v1/analytics/prices?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ANL01_the_page_shows_a_subscriber_the_chart_and_others_the_offer()
    {
        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "analytics");
        var browser = new Browser(app);
        await browser.SignInAsync(subscriber.Email, subscriber.Password);
        var (response, page) = await browser.GetAsync("/analytics?category=1&from=2025-10&to=2026-02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Two charts, each drawn for a desktop and for a phone (CSS shows one).
        Assert.Equal(4, page.QuerySelectorAll("svg[role=img]").Length);
        Assert.Equal(5, page.QuerySelectorAll("table.data-table tbody tr").Length);
        var (_, bad) = await browser.GetAsync("/analytics?category=1&from=2026-02-01&to=2026-01-01");
        Assert.NotNull(bad.QuerySelector("#From-error, [id^=From]"));

        var anonymous = new Browser(app);
        var (_, offer) = await anonymous.GetAsync("/analytics");
        Assert.Null(offer.QuerySelector("form.analytics-filters"));
        Assert.NotNull(offer.QuerySelector("a[href^='/account/sign-in']"));
    }
}

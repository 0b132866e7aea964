using Tradehall.Core.Analytics.Reviews;
using Tradehall.Core.Marketplace.Listings;
using static Tradehall.Core.Marketplace.Listings.ListingStatus;
using static Tradehall.Core.Marketplace.Listings.ListingType;

namespace Tradehall.Tests.Analytics;

public sealed class PriceReviewTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    private async Task<int> GenerateAsync(DateOnly month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PriceReviews>().GenerateAsync(month, CancellationToken.None);
    }

    [Fact]
    public async Task ANL02_review_of_a_fixed_month_reproduces_hand_computed_quartiles()
    {
        // On 2 March 2026 February is the month that has just ended, the one subscribers are emailed about.
        var tree = await AnalyticsSteps.TreeAsync(app);
        var root = tree[0];
        var child = root.Children[0];
        var other = root.Children[1];
        var ops = await Operators.TokenAsync(app);
        // February's yuan is worth 50 roubles; the starting rate applies before.
        await AnalyticsSteps.SetRateAsync(app, ops, "CNY", 50m, "2026-02-01");
        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        await AnalyticsSteps.ListAsync(app,
            (Offer, child.Id, 100m, "RUB", "2026-02-03T09:00:00Z", "Arkhangelsk", Active),
            (Offer, child.Id, 200m, "RUB", "2026-02-05T09:00:00Z", "Arkhangelsk", Expired),
            (Offer, other.Id, 400m, "RUB", "2026-02-10T09:00:00Z", "Arkhangelsk", Withdrawn),
            (Offer, other.Id, 1000m, "RUB", "2026-02-12T09:00:00Z", "Karelia", Active),
            (Offer, child.Id, 10m, "CNY", "2026-02-15T09:00:00Z", "Karelia", Active),
            (Offer, child.Id, 19m, "CNY", "2026-02-20T09:00:00Z", "Arkhangelsk", Active),
            (Offer, child.Id, 99_999m, "RUB", "2026-02-21T09:00:00Z", "Arkhangelsk", Blocked),
            (Offer, child.Id, 7m, "GBP", "2026-02-22T09:00:00Z", "Arkhangelsk", Active),
            (Request, child.Id, 90m, "RUB", "2026-02-04T09:00:00Z", "Arkhangelsk", Active),
            (Request, child.Id, 120m, "RUB", "2026-02-06T09:00:00Z", "Karelia", Active),
            (Request, other.Id, 150m, "RUB", "2026-02-08T09:00:00Z", "Arkhangelsk", Active),
            // January, for the change; 21:30 UTC on 28 February is already March in Moscow.
            (Offer, child.Id, 200m, "RUB", "2026-01-10T09:00:00Z", "Arkhangelsk", Expired),
            (Offer, child.Id, 400m, "RUB", "2026-01-11T09:00:00Z", "Arkhangelsk", Expired),
            (Offer, child.Id, 5_000m, "RUB", "2026-02-28T21:30:00Z", "Arkhangelsk", Active));

        Assert.Equal(1, await GenerateAsync(new DateOnly(2026, 2, 1)));
        var review = await app.WithDb(db => db.Set<PriceReview>().SingleAsync(r => r.Month == new DateOnly(2026, 2, 1)));
        Assert.Equal(root.Id, review.CategoryId);
        var f = review.Read();
        Assert.Equal(PriceReview.CurrentVersion, review.FiguresVersion);

        // Every listing is priced per m³, so the review has that one unit. Offers in roubles: 100, 200, 400, 500 (10 CNY),
        // 950 (19 CNY), 1000; positions p·(n−1) = 1.25, 2.5, 3.75.
        Assert.Equal("RUB", f.Currency);
        var m3 = Assert.Single(f.Units);
        Assert.Equal("m3", m3.Unit);
        Assert.Equal(6, m3.Offers.Count);
        Assert.Equal(250.00m, m3.Offers.P25);
        Assert.Equal(450.00m, m3.Offers.Median);
        Assert.Equal(837.50m, m3.Offers.P75);
        // Requests 90, 120, 150: positions 0.5, 1, 1.5.
        Assert.Equal(3, m3.Requests.Count);
        Assert.Equal(105.00m, m3.Requests.P25);
        Assert.Equal(120.00m, m3.Requests.Median);
        Assert.Equal(135.00m, m3.Requests.P75);
        Assert.Equal(2.00m, m3.SupplyDemandRatio);
        Assert.Equal(1, f.Unconverted);
        // January's median offer was 300: +50 %.
        Assert.Equal(50.00m, m3.OffersMedianChange);
        Assert.Null(m3.RequestsMedianChange);
        Assert.Equal(("RU", "Arkhangelsk", 5, 2), (f.TopRegions[0].Country, f.TopRegions[0].Region, f.TopRegions[0].Offers, f.TopRegions[0].Requests));
        var sub = f.Subcategories.Single(s => s.CategoryId == child.Id);
        // 100, 200, 500, 950 → 175, 350, 612.50.
        Assert.Equal(("m3", 4, 175.00m, 350.00m, 612.50m), (sub.Unit, sub.Offers.Count, sub.Offers.P25, sub.Offers.Median, sub.Offers.P75));
        Assert.Equal("2026-02", m3.Trend[^1].Month);
        Assert.Equal(300.00m, m3.Trend[^2].Offers.Median);

        // A second run adds nothing and sends nothing.
        Assert.Equal(0, await GenerateAsync(new DateOnly(2026, 2, 15)));
        var body = (await app.Mail.NextAsync(subscriber.Email, "Price reviews for February 2026")).Body;
        Assert.Contains($"/price-reviews/{review.Id}", body);
        Assert.Equal(1, await AnalyticsSteps.ReviewEmailsQueuedAsync(app, subscriber.Id));

        // The archive API and the PDF, for price-review subscribers.
        using var client = app.Api(subscriber.Token);
        var list = await (await client.GetAsync("/api/v1/price-reviews")).JsonAsync();
        var entry = list.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == review.Id);
        Assert.Equal("2026-02", entry.GetProperty("month").GetString());
        Assert.Equal(root.Name, entry.GetProperty("category").GetString());
        var pdf = await client.GetAsync(entry.GetProperty("pdfUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = await PdfText.ReadAsync(bytes);
        Assert.Contains(root.Name, text);
        Assert.Contains("837.50", text);
        Assert.Contains("Median prices by month", text);
    }

    [Fact]
    public async Task ANL02_medians_are_kept_per_unit_and_a_change_compares_the_same_unit()
    {
        var bioenergy = (await AnalyticsSteps.TreeAsync(app)).Single(c => c.Id == 47);
        var (pellets, chips) = (48, 52);
        await AnalyticsSteps.ListInUnitsAsync(app,
            (Offer, pellets, 18_000m, "t", "2025-04-10T09:00:00Z"),
            (Offer, chips, 2_000m, "m3", "2025-04-11T09:00:00Z"),
            // May: pellets by the tonne and by the kilogram (18 per kg is 18,000 per tonne), chips by the cubic metre.
            (Offer, pellets, 17_955m, "t", "2025-05-10T09:00:00Z"),
            (Offer, pellets, 18m, "kg", "2025-05-11T09:00:00Z"),
            (Offer, chips, 1_920m, "m3", "2025-05-12T09:00:00Z"),
            (Offer, chips, 2_710m, "m3", "2025-05-13T09:00:00Z"),
            (Request, chips, 1_900m, "m3", "2025-05-14T09:00:00Z"));

        Assert.Equal(1, await GenerateAsync(new DateOnly(2025, 5, 1)));
        var f = (await app.WithDb(db => db.Set<PriceReview>().SingleAsync(r => r.Month == new DateOnly(2025, 5, 1) && r.CategoryId == bioenergy.Id))).Read();

        // The unit with most listings first; no median runs across units.
        Assert.Equal(["m3", "t"], f.Units.Select(u => u.Unit).ToArray());
        var (m3, t) = (f.Units[0], f.Units[1]);
        Assert.Equal((2, 2_315.00m, 1, 1_900.00m), (m3.Offers.Count, m3.Offers.Median, m3.Requests.Count, m3.Requests.Median));
        Assert.Equal((2, 17_977.50m), (t.Offers.Count, t.Offers.Median));
        // Each change is against the same unit a month before: chips 2,000 → 2,315, pellets 18,000 → 17,977.50.
        Assert.Equal(15.75m, m3.OffersMedianChange);
        Assert.Equal(-0.13m, t.OffersMedianChange);
        Assert.Equal(2_000.00m, m3.Trend[^2].Offers.Median);
        Assert.Equal(18_000.00m, t.Trend[^2].Offers.Median);
        Assert.Equal([(pellets, "t"), (chips, "m3")], f.Subcategories.Select(s => (s.CategoryId, s.Unit)).ToArray());
    }

    [Fact]
    public async Task ANL02_only_price_review_subscribers_get_the_archive_and_the_pdf()
    {
        var tree = await AnalyticsSteps.TreeAsync(app);
        await AnalyticsSteps.ListAsync(app, (Offer, tree[1].Id, 100m, "RUB", "2025-08-10T09:00:00Z", "Tver", Active));
        await GenerateAsync(new DateOnly(2025, 8, 1));
        var id = await app.WithDb(db => db.Set<PriceReview>().Where(r => r.Month == new DateOnly(2025, 8, 1) && r.CategoryId == tree[1].Id).Select(r => r.Id).SingleAsync());

        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/price-reviews")).StatusCode);
        var analyticsOnly = await AnalyticsSteps.SubscriberAsync(app, "analytics");
        using var other = app.Api(analyticsOnly.Token);
        var refused = await other.GetAsync("/api/v1/price-reviews");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("analytics.price_review_subscription_required", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/price-reviews/{id}/pdf")).StatusCode);

        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        using var client = app.Api(subscriber.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/price-reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/price-reviews/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/price-reviews/{Guid.NewGuid()}/pdf")).StatusCode);

        // The pages: a subscriber reads the review; a member without the subscription is offered one.
        var browser = new Browser(app);
        await browser.SignInAsync(subscriber.Email, subscriber.Password);
        var (page, html) = await browser.GetAsync($"/price-reviews/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(html.QuerySelector("svg[role=img] title"));
        var (_, archive) = await browser.GetAsync("/price-reviews");
        Assert.NotNull(archive.QuerySelector($"a[href='/price-reviews/{id}']"));
        var outsider = new Browser(app);
        await outsider.SignInAsync(analyticsOnly.Email, analyticsOnly.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/price-reviews/{id}")).Response.StatusCode);
        var (_, offer) = await outsider.GetAsync("/price-reviews");
        Assert.NotNull(offer.QuerySelector("a[href='/billing']"));
    }
}

/// <summary>The job has an app of its own, as it moves the clock.</summary>
public sealed class PriceReviewJobTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    private async Task<IReadOnlyList<DateOnly>?> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PriceReviews>().RunDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ANL02_the_job_reviews_last_month_once_on_the_first_of_the_month_in_the_site_zone()
    {
        var tree = await AnalyticsSteps.TreeAsync(app);
        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        await AnalyticsSteps.ListAsync(app,
            (Offer, tree[0].Id, 100m, "RUB", "2026-03-10T09:00:00Z", "Tver", Active),
            (Request, tree[2].Id, 80m, "RUB", "2026-03-11T09:00:00Z", "Tver", Active));

        // 23:00 on 31 March in Moscow: March is not over, so only February (without listings) is due.
        app.Clock.AdjustTime(new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal([new DateOnly(2026, 2, 1)], await RunAsync());
        Assert.Equal(0, await app.WithDb(db => db.Set<PriceReview>().CountAsync()));

        // Past midnight in Moscow it is the 1st: March is reviewed, by one of two nodes running at once.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero));
        await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Equal(2, await app.WithDb(db => db.Set<PriceReview>().CountAsync(r => r.Month == new DateOnly(2026, 3, 1))));
        Assert.Equal([], await RunAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal([], await RunAsync());
        Assert.Equal(2, await app.WithDb(db => db.Set<PriceReview>().CountAsync()));

        await app.Mail.NextAsync(subscriber.Email, "Price reviews for March 2026");
        Assert.Equal(1, await AnalyticsSteps.ReviewEmailsQueuedAsync(app, subscriber.Id));

        // Missed months are caught up: nothing ran in May or June, so July's run reviews April to June.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal([new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)], await RunAsync());
    }
}

public sealed class PriceReviewOnDemandTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task ANL02_the_operator_makes_a_past_months_reviews_on_demand_but_not_of_a_running_month()
    {
        var tree = await AnalyticsSteps.TreeAsync(app);
        await AnalyticsSteps.ListAsync(app, (Offer, tree[0].Id, 100m, "RUB", "2026-01-10T09:00:00Z", "Tver", Active));
        using var client = app.Api(await Operators.TokenAsync(app));
        var running = await client.PostAsJsonAsync("/api/v1/operator/price-reviews", new { month = "2026-03" });
        Assert.Equal(HttpStatusCode.BadRequest, running.StatusCode);
        Assert.True((await running.JsonAsync()).GetProperty("errors").TryGetProperty("month", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/operator/price-reviews", new { month = "January" })).StatusCode);
        var made = await client.PostAsJsonAsync("/api/v1/operator/price-reviews", new { month = "2026-01" });
        Assert.Equal(1, (await made.JsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal(0, (await (await client.PostAsJsonAsync("/api/v1/operator/price-reviews", new { month = "2026-01" })).JsonAsync()).GetProperty("created").GetInt32());
        var member = await Members.RegisterAsync(app);
        using var plain = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.PostAsJsonAsync("/api/v1/operator/price-reviews", new { month = "2026-01" })).StatusCode);
    }
}

using AngleSharp.Html.Parser;
using Microsoft.Extensions.Hosting;
using Tradehall.Core.Analytics.Reviews;
using static Tradehall.Core.Marketplace.Listings.ListingStatus;
using static Tradehall.Core.Marketplace.Listings.ListingType;

namespace Tradehall.Tests.Analytics;

/// <summary>ANL-02: the archive reaches back over the months the listings cover, so a new subscriber reads past months at once.</summary>
public sealed class PriceReviewArchiveTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task ANL02_the_first_run_fills_the_archive_back_and_emails_only_about_the_month_just_ended()
    {
        app.Clock.AdjustTime(TradehallApp.DefaultStart);
        var tree = await AnalyticsSteps.TreeAsync(app);
        var (first, second) = (tree[0].Id, tree[1].Id);
        var early = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        await AnalyticsSteps.ListAsync(app,
            // 25 months before February 2026: beyond the 24 months the archive reaches back.
            (Offer, first, 100m, "RUB", "2024-02-10T09:00:00Z", "Tver", Expired),
            (Offer, first, 110m, "RUB", "2024-03-10T09:00:00Z", "Tver", Expired),
            (Offer, first, 120m, "RUB", "2025-06-10T09:00:00Z", "Tver", Expired),
            (Request, second, 90m, "RUB", "2025-12-10T09:00:00Z", "Tver", Expired),
            (Offer, first, 130m, "RUB", "2026-02-10T09:00:00Z", "Tver", Active));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal([new DateOnly(2026, 2, 1)], await scope.ServiceProvider.GetRequiredService<PriceReviews>().RunDueAsync(CancellationToken.None));
        }
        var made = await app.WithDb(db => db.Set<PriceReview>().Where(r => r.CategoryId == first || r.CategoryId == second)
            .OrderBy(r => r.Month).Select(r => new { r.Month, r.CategoryId }).ToListAsync());
        Assert.Equal([(new DateOnly(2024, 3, 1), first), (new DateOnly(2025, 6, 1), first), (new DateOnly(2025, 12, 1), second), (new DateOnly(2026, 2, 1), first)],
            made.Select(r => (r.Month, r.CategoryId)).ToArray());
        // Subscribers hear of February only; the older months fill the archive quietly.
        await app.Mail.NextAsync(early.Email, "Price reviews for February 2026");
        Assert.Equal(1, await AnalyticsSteps.ReviewEmailsQueuedAsync(app, early.Id));

        // A member who subscribes now finds the past months in the archive.
        var late = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        using var client = app.Api(late.Token);
        var months = (await (await client.GetAsync("/api/v1/price-reviews")).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("month").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "2024-03", "2025-06", "2025-12", "2026-02" }, months);
    }
}

/// <summary>ANL-02: reviews made while medians still mixed units are made again, per unit, under the same id.</summary>
public sealed class PriceReviewRemakeTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task ANL02_a_review_made_before_units_were_kept_apart_is_made_again_per_unit_keeping_its_id()
    {
        await AnalyticsSteps.ListInUnitsAsync(app,
            (Offer, 48, 17_955m, "t", "2025-11-10T09:00:00Z"),
            (Offer, 52, 1_920m, "m3", "2025-11-11T09:00:00Z"),
            (Offer, 53, 2_710m, "m3", "2025-11-12T09:00:00Z"));
        var old = new PriceReview
        {
            Month = new DateOnly(2025, 11, 1), CategoryId = 47, FiguresVersion = 1, CreatedAt = new DateTime(2025, 12, 1, 0, 5, 0, DateTimeKind.Utc),
            Figures = """{"currency":"RUB","total":{"categoryId":47,"offers":{"count":3,"p25":2315.00,"median":2710.00,"p75":10332.50}},"offersMedianChange":-71.23}""",
        };
        await app.WithDb(async db =>
        {
            db.Add(old);
            await db.SaveChangesAsync();
        });

        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        var browser = new Browser(app);
        await browser.SignInAsync(subscriber.Email, subscriber.Password);
        var (response, page) = await browser.GetAsync($"/price-reviews/{old.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("-71.23", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#unit-m3"));
        Assert.NotNull(page.QuerySelector("#unit-t"));

        var review = await app.WithDb(db => db.Set<PriceReview>().SingleAsync(r => r.Id == old.Id));
        Assert.Equal(PriceReview.CurrentVersion, review.FiguresVersion);
        Assert.Equal(old.CreatedAt, review.CreatedAt);
        var f = review.Read();
        Assert.Equal([("m3", 2, 2_315.00m), ("t", 1, 17_955.00m)], f.Units.Select(u => (u.Unit, u.Offers.Count, u.Offers.Median!.Value)).ToArray());
    }
}

/// <summary>ANL-02: the console page of the archive — its months, one button to fill it, and one month on demand.</summary>
public sealed class PriceReviewConsoleTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task ANL02_the_operator_fills_the_archive_and_makes_a_month_from_the_console()
    {
        var machinery = (await AnalyticsSteps.TreeAsync(app)).Single(c => c.Id == 57).Id;
        await AnalyticsSteps.ListInUnitsAsync(app,
            (Offer, machinery, 2_400_000m, "pcs", "2025-10-10T09:00:00Z"),
            (Offer, machinery, 2_600_000m, "pcs", "2025-12-10T09:00:00Z"));
        using var browser = await Operators.ConsoleBrowserAsync(app);
        var (_, console) = await browser.GetAsync("/operator");
        Assert.NotNull(console.QuerySelector("a[href='/operator/price-reviews']"));
        var (response, page) = await browser.GetAsync("/operator/price-reviews");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-02", page.QuerySelector("#Month")!.GetAttribute("value"));

        // One month on demand: a running month and a malformed one are refused beside the field.
        foreach (var bad in new[] { "2026-03", "2025-13", "October" })
        {
            var refused = await browser.SubmitAsync("/operator/price-reviews", "Make the reviews", new() { ["Month"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotNull((await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync())).QuerySelector("#Month-error"));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/operator/price-reviews", "Make the reviews", new() { ["Month"] = "2025-10" })).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<PriceReview>().AnyAsync(r => r.Month == new DateOnly(2025, 10, 1) && r.CategoryId == machinery)));
        Assert.False(await app.WithDb(db => db.Set<PriceReview>().AnyAsync(r => r.Month == new DateOnly(2025, 12, 1) && r.CategoryId == machinery)));

        // The button fills every missing month.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/operator/price-reviews", "Fill in the archive")).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<PriceReview>().AnyAsync(r => r.Month == new DateOnly(2025, 12, 1) && r.CategoryId == machinery)));
        var (_, after) = await browser.GetAsync("/operator/price-reviews");
        Assert.Contains("Reviews made: ", after.QuerySelector("[role=status]")?.TextContent ?? "", StringComparison.Ordinal);

        // Members are not let in.
        var member = await Members.RegisterAsync(app);
        var outsider = new Browser(app);
        await outsider.SignInAsync(member.Email, member.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await outsider.GetAsync("/operator/price-reviews")).Response.StatusCode);
    }
}

/// <summary>ANL-01, ANL-02: visitors without a subscription see a coarse teaser chart instead of nothing.</summary>
public sealed class PriceTeaserTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public void ANL01_the_teaser_rounds_prices_to_two_significant_figures()
    {
        Assert.Equal(15_000m, PriceReviewArchive.Coarse(14_919.50m));
        Assert.Equal(2_700m, PriceReviewArchive.Coarse(2_712m));
        Assert.Equal(6_900m, PriceReviewArchive.Coarse(6_867m));
        Assert.Equal(0.46m, PriceReviewArchive.Coarse(0.4567m));
        Assert.Null(PriceReviewArchive.Coarse(null));
    }

    [Fact]
    public async Task ANL01_a_visitor_without_the_subscription_sees_a_coarse_teaser_chart_and_the_way_to_subscribe()
    {
        var roundwood = (await AnalyticsSteps.TreeAsync(app)).Single(c => c.Id == 1).Id;
        var prices = new[] { 6_392.50m, 5_992.50m, 6_867m, 14_919.50m, 6_340m, 5_120m };
        await AnalyticsSteps.ListInUnitsAsync(app, [.. prices.Select((p, i) => (Offer, roundwood, p, "m3", $"2025-{9 + i / 4:00}-{1 + i % 4 * 7:00}T09:00:00Z"))]);
        var later = new[] { 5_560m, 6_240m };
        await AnalyticsSteps.ListInUnitsAsync(app, [.. later.Select((p, i) => (Offer, roundwood, p, "m3", $"2026-0{1 + i}-15T09:00:00Z"))]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PriceReviews>().FillArchiveAsync(CancellationToken.None);
        }

        var anonymous = new Browser(app);
        foreach (var url in new[] { "/analytics", "/price-reviews" })
        {
            var (response, page) = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var chart = page.QuerySelector("#teaser-title")?.ParentElement;
            Assert.NotNull(chart);
            Assert.Contains("Roundwood", chart!.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(chart.QuerySelector("svg[role=img] path.chart-line-offer"));
            var text = chart.TextContent;
            // Rounded, never the figures themselves; no quartiles or requests.
            Assert.Contains("about 6,200", text, StringComparison.Ordinal);
            Assert.DoesNotContain("6,240.00", text, StringComparison.Ordinal);
            Assert.Null(chart.QuerySelector("path.chart-band-offer"));
            Assert.NotNull(page.QuerySelector("a[href^='/account/sign-in']"));
        }
    }
}

/// <summary>ANL-02: the job's first round runs as the site starts, so a new site's archive does not wait an interval.</summary>
public sealed class PriceReviewStartTests
{
    [Fact]
    public async Task ANL02_the_review_job_runs_its_first_round_as_the_site_starts()
    {
        using var app = new TradehallApp { PeriodicJobs = [typeof(PriceReviewWorker)] };
        var worker = app.Services.GetServices<IHostedService>().OfType<PriceReviewWorker>().Single();
        // Nobody moved the clock: the round that ended came with the start, not from the worker's timer.
        await worker.RoundsEndedAsync(1, CancellationToken.None).WaitAsync(Arrival.Patience);
        var completed = await app.WithDb(db => db.Set<Tradehall.Core.Data.JobLease>().Where(l => l.Name == PriceReviews.JobName)
            .Select(l => l.CompletedFor).SingleAsync());
        Assert.Equal(new DateOnly(2026, 2, 1), completed);
    }
}

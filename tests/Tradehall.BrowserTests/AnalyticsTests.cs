using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Accounts;
using Tradehall.Core.Analytics.Reviews;
using Tradehall.Core.Billing.TopUps;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.BrowserTests;

/// <summary>ANL-01..03 in a browser: a subscriber reads the analytics charts and a price review; the operator sets a rate.</summary>
public sealed class AnalyticsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>A member with legal data, money from the operator and both analytics subscriptions, made through the API.</summary>
    private async Task<(string Email, string Password)> SubscriberAsync()
    {
        var registration = Members.Registration();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.GetProperty("token").GetString());
        (await http.PutAsJsonAsync("/api/v1/me/legal", new
        {
            type = "individual", resident = true, country = "RU", notificationPhone = registration["phone"], email = registration["email"],
            lastName = "Koroleva", firstName = "Elena", documentType = "Passport", documentNumber = "4510 123456", documentIssuedOn = "2012-05-04",
        })).EnsureSuccessStatusCode();
        var number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var op = await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync($"cashier.{Guid.NewGuid():N}@operator.example.org", "Operator pass phrase 2026");
            // Postings run in a transaction of the caller, as the credit endpoint's idempotency wrapper opens one.
            await using var transaction = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<TopUpService>().CreditByOperatorAsync(number, new CreditRequest(10_000m, "Prepayment"), op.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }
        var catalog = await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/catalog");
        foreach (var kind in new[] { "analytics", "price-review" })
        {
            var tariff = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("tariffs")[0].GetProperty("id").GetGuid();
            using var order = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services") { Content = JsonContent.Create(new { tariffId = tariff, autoRenew = true }) };
            order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await http.SendAsync(order)).EnsureSuccessStatusCode();
        }
        return ((string)registration["email"]!, Members.Password);
    }

    /// <summary>Last month's listings in the first main category, and its review.</summary>
    private async Task<(int Category, DateOnly Month)> MarketAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var tree = await scope.ServiceProvider.GetRequiredService<IMarketPrices>().CategoriesAsync(CancellationToken.None);
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var prices = new[] { (ListingType.Offer, 4_200m, "RUB"), (ListingType.Offer, 5_100m, "RUB"), (ListingType.Offer, 60m, "EUR"), (ListingType.Request, 3_900m, "RUB"), (ListingType.Request, 4_400m, "RUB") };
        for (var back = 0; back < 3; back++)
        {
            foreach (var (type, price, currency) in prices)
            {
                var posted = month.AddMonths(-back).AddDays(9 + back).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                db.Add(new Listing
                {
                    Type = type, Status = ListingStatus.Expired, OwnerId = Guid.NewGuid(), Title = "Spruce logs", Description = "Spruce logs",
                    CategoryId = tree[0].Children[0].Id, Price = (long)((price + back * 150) * 100), Currency = currency, Unit = "m3", Quantity = 100,
                    Country = "RU", Region = "Arkhangelsk", PostedAt = posted, UpdatedAt = posted, ExpiresAt = posted.AddDays(60),
                });
            }
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<PriceReviews>().GenerateAsync(month, CancellationToken.None);
        // Said here rather than later as a link that never appears: the review exists (made now or by an earlier test).
        Assert.True(await db.Set<PriceReview>().AnyAsync(r => r.Month == month && r.CategoryId == tree[0].Id));
        return (tree[0].Id, month);
    }

    [Fact]
    public async Task ANL01_ANL02_a_subscriber_reads_the_analytics_chart_and_a_price_review_on_a_phone()
    {
        var (email, password) = await SubscriberAsync();
        var (category, month) = await MarketAsync();
        var page = await site.PhoneAsync();
        await site.SignInAsync(page, email, password);
        var problems = new List<string>();

        var from = month.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"{site.BaseUrl}/analytics?category={category}&currency=RUB&from={from}");
        // A phone gets the charts drawn for its width.
        var chart = page.Locator(".chart-size-narrow svg[role=img]").First;
        await chart.WaitForAsync();
        Assert.True(await chart.IsVisibleAsync());
        Assert.False(await page.Locator(".chart-size-wide svg[role=img]").First.IsVisibleAsync());
        Assert.True(await page.Locator(".chart-size-narrow svg[role=img] path.chart-line-offer").First.GetAttributeAsync("d") is { Length: > 0 });
        Assert.Empty(await LabelClashesAsync(page));
        Assert.Contains(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), await page.Locator("table.data-table").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-analytics-phone.png"), FullPage = true });

        await page.GotoAsync(site.BaseUrl + "/price-reviews");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.Locator("main .review-list a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/price-reviews/[0-9a-f-]{36}$"));
        Assert.True(await page.Locator("svg[role=img]:visible").First.IsVisibleAsync());
        Assert.Contains("Price review", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("RUB/m³", await page.Locator("main h2").First.InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "61-price-review-phone.png"), FullPage = true });

        // The same review in Russian, and on a desktop in both languages.
        var review = page.Url;
        var desktop = await DesktopAsync();
        await site.SignInAsync(desktop, email, password);
        foreach (var (size, view) in new[] { ("phone", page), ("desktop", desktop) })
        {
            foreach (var culture in new[] { "en", "ru" })
            {
                await view.GotoAsync($"{review}?culture={culture}");
                await view.Locator("svg[role=img]:visible").First.WaitForAsync();
                problems.AddRange((await Accessibility.SeriousViolationsAsync(view)).Select(v => $"review {size} {culture}: {v}"));
                problems.AddRange((await LabelClashesAsync(view)).Select(v => $"review {size} {culture}: {v}"));
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"61-price-review-{size}-{culture}.png"), FullPage = true });
            }
        }
        Assert.Empty(problems);
    }

    /// <summary>A desktop browser of its own (cookies are not shared).</summary>
    private async Task<IPage> DesktopAsync()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BypassCSP = true, Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Chart labels that touch another label or leave their chart, in the charts shown now: what the server's measured
    /// layout must never produce.
    /// </summary>
    private static async Task<IReadOnlyList<string>> LabelClashesAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('svg[role=img]')].filter(svg => svg.getBoundingClientRect().width > 0).flatMap(svg => {
            const box = svg.getBoundingClientRect();
            const labels = [...svg.querySelectorAll('text')].map(t => ({ text: t.textContent, r: t.getBoundingClientRect() }));
            const clashes = labels.filter(l => l.r.left < box.left - 1 || l.r.right > box.right + 1 || l.r.top < box.top - 1 || l.r.bottom > box.bottom + 1)
                .map(l => `outside: ${l.text}`);
            for (let i = 0; i < labels.length; i++) {
                for (let j = i + 1; j < labels.length; j++) {
                    const [a, b] = [labels[i].r, labels[j].r];
                    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                        clashes.push(`${labels[i].text} / ${labels[j].text}`);
                    }
                }
            }
            return clashes;
        })
        """);

    [Fact]
    public async Task ANL01_the_analytics_page_and_its_teaser_pass_axe_in_english_and_russian_on_desktop_and_phone()
    {
        var (email, password) = await SubscriberAsync();
        var (category, month) = await MarketAsync();
        var from = month.AddMonths(-11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var problems = new List<string>();
        foreach (var (size, page) in new[] { ("desktop", await DesktopAsync()), ("phone", await site.PhoneAsync()) })
        {
            // Signed out: what the service offers, with a coarse teaser chart.
            foreach (var culture in new[] { "en", "ru" })
            {
                await page.GotoAsync($"{site.BaseUrl}/analytics?culture={culture}");
                await page.Locator(".teaser svg[role=img]:visible").WaitForAsync();
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"teaser {size} {culture}: {v}"));
                problems.AddRange((await LabelClashesAsync(page)).Select(v => $"teaser {size} {culture}: {v}"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"63-analytics-teaser-{size}-{culture}.png"), FullPage = true });
                await page.GotoAsync($"{site.BaseUrl}/price-reviews?culture={culture}");
                await page.Locator(".teaser svg[role=img]:visible").WaitForAsync();
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"reviews teaser {size} {culture}: {v}"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"63-price-reviews-teaser-{size}-{culture}.png"), FullPage = true });
            }
            // A subscriber's year of months: labels thinned out, the price axis in full.
            await site.SignInAsync(page, email, password);
            foreach (var culture in new[] { "en", "ru" })
            {
                await page.GotoAsync($"{site.BaseUrl}/analytics?category={category}&currency=RUB&from={from}&culture={culture}");
                await page.Locator("svg[role=img]:visible").First.WaitForAsync();
                Assert.Contains(culture == "ru" ? "RUB/м³" : "RUB/m³", await page.Locator("main h2").First.InnerTextAsync(), StringComparison.Ordinal);
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"analytics {size} {culture}: {v}"));
                problems.AddRange((await LabelClashesAsync(page)).Select(v => $"analytics {size} {culture}: {v}"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"64-analytics-{size}-{culture}.png"), FullPage = true });
            }
            // Every period has a tooltip with its figures.
            var tips = await page.Locator("svg[role=img]:visible rect.chart-hit title").AllTextContentsAsync();
            Assert.Contains(tips, t => t.StartsWith(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), StringComparison.Ordinal) && t.Contains("медиана", StringComparison.Ordinal));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task ANL02_the_operator_fills_the_price_review_archive_from_the_console()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // Listings of a past month nobody has reviewed yet.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var posted = site.Clock.GetUtcNow().UtcDateTime.AddMonths(-4);
            db.Add(new Listing
            {
                Type = ListingType.Offer, Status = ListingStatus.Expired, OwnerId = Guid.NewGuid(), Title = "Forwarder", Description = "Forwarder",
                CategoryId = 58, Price = 2_400_000_00, Currency = "RUB", Unit = "pcs", Quantity = 1, Country = "RU", Region = "Vologda Oblast",
                PostedAt = posted, UpdatedAt = posted, ExpiresAt = posted.AddDays(60),
            });
            await db.SaveChangesAsync();
        }
        var problems = new List<string>();
        foreach (var (size, page) in new[] { ("desktop", await DesktopAsync()), ("phone", await site.PhoneAsync()) })
        {
            await site.OperatorSignInAsync(page, $"reviews.{size}.{Guid.NewGuid():N}@operator.example.org");
            await page.GotoAsync(site.BaseUrl + "/operator");
            await page.GetByRole(AriaRole.Link, new() { Name = "Price reviews", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/operator/price-reviews$"));
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{size} en: {v}"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"65-console-price-reviews-{size}-en.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Fill in the archive" }).ClickAsync();
            await page.Locator("[role=status]").WaitForAsync();
            Assert.Matches("Reviews made: [1-9]|The archive was complete", await page.Locator("[role=status]").InnerTextAsync());
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{size} filled: {v}"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"66-console-price-reviews-filled-{size}-en.png"), FullPage = true });
            await page.GotoAsync(site.BaseUrl + "/operator/price-reviews?culture=ru");
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{size} ru: {v}"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"67-console-price-reviews-{size}-ru.png"), FullPage = true });
        }
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Set<PriceReview>().AnyAsync(r => r.CategoryId == 57));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task ANL03_the_operator_sets_an_exchange_rate_in_the_console()
    {
        var page = await site.PhoneAsync();
        await site.OperatorSignInAsync(page, "rates@operator.example.org");
        await page.GotoAsync(site.BaseUrl + "/operator/exchange-rates");
        var problems = (await Accessibility.SeriousViolationsAsync(page)).ToList();
        await page.SelectOptionAsync("#Currency", "CNY");
        await page.FillAsync("#Rate", "12.0345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the rate" }).ClickAsync();
        await page.Locator("[role=status]").WaitForAsync();
        Assert.Contains("12.0345", await page.Locator("main table").First.InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "62-exchange-rates-phone.png"), FullPage = true });
        Assert.Empty(problems);
    }
}

using System.Net.Http.Headers;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.BrowserTests;

/// <summary>
/// BIL-14 in a browser: a subscriber finds the announced change of their tariff on the personal-account page, is told an
/// objection needs reasons, and objects; the operator's catalogue lists the announcements with their counts, and the
/// form of a new kind offers the grace presets (BIL-11).
/// </summary>
public sealed class TariffChangeJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<IPage> PageAsync(string locale, bool phone)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone, HasTouch = phone, BypassCSP = true, Locale = locale,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A subscriber of a new hosting tariff whose price the operator then changes, and a new tariff of the same kind.</summary>
    private async Task<string> AnnouncedSubscriberAsync()
    {
        var operatorId = Guid.NewGuid();
        Guid tariff;
        string code = $"hosting-{Guid.NewGuid():N}"[..20];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<CatalogAdmin>();
            await admin.CreateKindAsync(operatorId, new KindRequest(code, "Web hosting", "Веб-хостинг", null, null, "web-hosting"), CancellationToken.None);
            tariff = (await admin.CreateTariffAsync(operatorId, code, new TariffRequest("Hosting S", 500m, 1, null, null, true, false, NameRu: "Хостинг S"),
                CancellationToken.None)).Id;
        }
        var subscriber = await BillingJourneyTests.SubscriberAsync(site, 2000m);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", subscriber.Token);
        using var order = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services") { Content = JsonContent.Create(new { tariffId = tariff, autoRenew = true }) };
        order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await http.SendAsync(order)).EnsureSuccessStatusCode();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<CatalogAdmin>();
            await admin.UpdateTariffAsync(operatorId, tariff, new TariffRequest(null, 650m, null, null, null, null, null), CancellationToken.None);
            await admin.CreateTariffAsync(operatorId, code, new TariffRequest("Hosting M", 900m, 1, null, null, true, false, NameRu: "Хостинг M"), CancellationToken.None);
        }
        return subscriber.Email;
    }

    [Fact]
    public async Task BIL14_the_subscriber_finds_the_announcement_on_the_billing_page_and_objects_with_reasons()
    {
        var email = await AnnouncedSubscriberAsync();
        var page = await PageAsync("en-GB", phone: false);
        await site.SignInAsync(page, email, Members.Password);
        await page.GotoAsync(site.BaseUrl + "/billing");
        var panel = page.Locator("section[aria-labelledby=tariff-changes-title]");
        Assert.Contains("Hosting S: from", await panel.InnerTextAsync(), StringComparison.Ordinal);
        var problems = (await Accessibility.SeriousViolationsAsync(page)).ToList();
        // The announcement opens the page, so its first screen is what is shown.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "70-billing-tariff-changes-desktop-en.png") });
        await page.GetByRole(AriaRole.Link, new() { Name = "Review the changes or object" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/billing/tariff-changes$"));

        // An objection without reasons is refused beside its field.
        var priceChange = page.Locator("section.panel", new() { HasText = "a period costs" });
        await priceChange.GetByRole(AriaRole.Button, new() { Name = "Object to this change" }).ClickAsync();
        await page.Locator(".field-error").WaitForAsync();
        Assert.Contains("Give the reasons for your objection.", await page.Locator(".field-error").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));

        priceChange = page.Locator("section.panel", new() { HasText = "a period costs" });
        await priceChange.GetByLabel("Reasons for your objection").FillAsync("The new price is more than our budget allows.");
        await priceChange.GetByRole(AriaRole.Button, new() { Name = "Object to this change" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/billing/tariff-changes$"));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Objected to", main, StringComparison.Ordinal);
        Assert.Contains("The new price is more than our budget allows.", main, StringComparison.Ordinal);
        Assert.Contains("Open to objection", main, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "71-tariff-changes-desktop-en.png"), FullPage = true });

        foreach (var (locale, phone, name) in new[] { ("en-GB", true, "phone-en"), ("ru-RU", false, "desktop-ru"), ("ru-RU", true, "phone-ru") })
        {
            var view = await PageAsync(locale, phone);
            await site.SignInAsync(view, email, Members.Password);
            await view.GotoAsync(site.BaseUrl + "/billing");
            problems.AddRange(await Accessibility.SeriousViolationsAsync(view));
            await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"70-billing-tariff-changes-{name}.png") });
            await view.GotoAsync(site.BaseUrl + "/billing/tariff-changes");
            problems.AddRange(await Accessibility.SeriousViolationsAsync(view));
            await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"71-tariff-changes-{name}.png"), FullPage = true });
            if (locale == "ru-RU")
            {
                Assert.Contains("Объявленные изменения тарифов", await view.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task BIL14_BIL11_the_operator_catalogue_lists_announcements_with_counts_and_offers_grace_presets()
    {
        await AnnouncedSubscriberAsync();
        var problems = new List<string>();
        foreach (var (locale, phone, name) in new[] { ("en-GB", false, "desktop-en"), ("en-GB", true, "phone-en"), ("ru-RU", false, "desktop-ru"), ("ru-RU", true, "phone-ru") })
        {
            var console = await PageAsync(locale, phone);
            await site.OperatorSignInAsync(console, $"catalogue.{name}.{Guid.NewGuid():N}@operator.example.org");
            await console.GotoAsync(site.BaseUrl + "/operator/catalog");
            Assert.True(await console.Locator("section[aria-labelledby=changes-title] tbody tr").CountAsync() > 0);
            problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
            await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"72-catalogue-changes-{name}.png"), FullPage = true });
            await console.GotoAsync(site.BaseUrl + "/operator/catalog/kind");
            problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
            await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"73-kind-presets-{name}.png"), FullPage = true });
        }

        // A kind made with the colocation preset takes its days from the options.
        var page = await PageAsync("en-GB", phone: false);
        await site.OperatorSignInAsync(page, $"presets.{Guid.NewGuid():N}@operator.example.org");
        await page.GotoAsync(site.BaseUrl + "/operator/catalog/kind");
        var code = $"colo-{Guid.NewGuid():N}"[..16];
        await page.FillAsync("#Code", code);
        await page.FillAsync("#NameEn", "Colocation");
        await page.FillAsync("#NameRu", "Размещение");
        await page.SelectOptionAsync("#GracePreset", "colocation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save kind" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/operator/catalog$"));
        var section = page.Locator($"section[aria-labelledby=kind-{code}]");
        Assert.Contains("7 days, of which the last 7", await section.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}

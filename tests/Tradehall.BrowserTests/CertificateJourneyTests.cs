using System.Net.Http.Headers;
using Tradehall.Core.Billing.Run;
using Tradehall.Tests.Legal;

namespace Tradehall.BrowserTests;

/// <summary>
/// DOC-01 in a browser: after a reporting period a legal entity finds its acceptance certificate from the personal-account
/// page, is told an objection needs reasons, objects with them, and sees the fee before re-issuing (DOC-03).
/// </summary>
public sealed class CertificateJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>A legal entity with money on the account, one analytics subscription and the certificate of its first month.</summary>
    private async Task<string> CertifiedSubscriberAsync()
    {
        var registration = Members.Registration();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.GetProperty("token").GetString());
        var legal = LegalDataApiTests.LegalEntity();
        legal["notificationPhone"] = registration["phone"];
        legal["email"] = registration["email"];
        (await http.PutAsJsonAsync("/api/v1/me/legal", legal)).EnsureSuccessStatusCode();
        var number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        await BillingJourneyTests.CreditAsync(site, number, 5000m);
        var catalog = await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/catalog");
        var tariff = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "analytics").GetProperty("tariffs")[0].GetProperty("id").GetGuid();
        using var order = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services") { Content = JsonContent.Create(new { tariffId = tariff, autoRenew = false }) };
        order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await http.SendAsync(order)).EnsureSuccessStatusCode();

        // The run of the day the first month ends (`billing run --as-of`) certifies it (BIL-08: it ends on this day of the next
        // month). Without auto-renewal nothing else is charged that day, so the clock of the browser's sessions stays put.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(today.AddMonths(1), null, CancellationToken.None));
        Assert.Single((await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/certificates")).EnumerateArray());
        return (string)registration["email"]!;
    }

    private async Task<IPage> PageAsync(string locale = "en-GB")
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BypassCSP = true, Locale = locale });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task DOC01_DOC03_the_subscriber_opens_the_certificates_and_objects_with_reasons()
    {
        var email = await CertifiedSubscriberAsync();
        var page = await PageAsync();
        await site.SignInAsync(page, email, Members.Password);
        await page.GotoAsync(site.BaseUrl + "/billing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Acceptance certificates and re-issued documents" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/billing/certificates$"));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Awaiting your decision", main, StringComparison.Ordinal);
        Assert.Contains("Re-issue the chosen documents for 200.00 RUB", main, StringComparison.Ordinal);
        var problems = (await Accessibility.SeriousViolationsAsync(page)).ToList();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-certificates.png"), FullPage = true });

        // An objection without reasons is refused beside its field, and nothing changes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the objection" }).ClickAsync();
        await page.Locator(".field-error").WaitForAsync();
        Assert.Contains("Give the reasons for your objection.", await page.Locator(".field-error").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "61-certificate-objection-refused.png"), FullPage = true });

        await page.GetByLabel("Reasons for your objection").FillAsync("Market analytics was unavailable for three days of the period.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the objection" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/billing/certificates$"));
        main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Objected to", main, StringComparison.Ordinal);
        Assert.Contains("Market analytics was unavailable for three days of the period.", main, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "62-certificate-objected.png"), FullPage = true });

        var phone = await site.PhoneAsync();
        await site.SignInAsync(phone, email, Members.Password);
        await phone.GotoAsync(site.BaseUrl + "/billing/certificates");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(phone));
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "63-certificates-phone.png"), FullPage = true });

        var russian = await PageAsync("ru-RU");
        await site.SignInAsync(russian, email, Members.Password);
        await russian.GotoAsync(site.BaseUrl + "/billing/certificates");
        Assert.Contains("Заявлены возражения", await russian.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await russian.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "64-certificates-ru.png"), FullPage = true });
        Assert.Empty(problems);
    }
}

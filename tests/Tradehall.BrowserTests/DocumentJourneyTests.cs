using System.Globalization;
using Tradehall.Core.Shared;

namespace Tradehall.BrowserTests;

/// <summary>
/// OPS-06, PRV-02: the operator publishes new Terms in the console; once they take effect a member who signs in is asked
/// to accept them, on desktop and phone, in English and Russian, and accepting brings the member back to the site.
/// Checked with axe-core.
/// </summary>
public sealed class DocumentJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task OPS06_PRV02_operator_publishes_new_terms_and_a_member_accepts_them_at_the_next_sign_in()
    {
        var registration = Members.Registration();
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            (await http.PostAsJsonAsync("/api/v1/account/register", registration)).EnsureSuccessStatusCode();
        }
        var problems = new List<string>();

        var console = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BypassCSP = true, Locale = "en-GB",
        })).NewPageAsync();
        await site.OperatorSignInAsync(console, $"operator.{Guid.NewGuid():N}@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator/legal-documents");
        var tomorrow = site.Clock.Today(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).AddDays(1);
        await console.SelectOptionAsync("#Kind", "terms");
        await console.FillAsync("#Version", "2.0");
        await console.FillAsync("#EffectiveFrom", tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await console.FillAsync("#Text", "# Tradehall Terms of Service\n\n## 1. Who we are\n\nThe operator of Tradehall.\n\n## 9. Changes to these Terms\n\nEvery new version is announced.");
        await console.FillAsync("#TextRu", "# Пользовательское соглашение Tradehall\n\n## 1. Кто мы\n\nОператор Tradehall.\n\n## 9. Изменение соглашения\n\nО каждой новой редакции мы сообщаем.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Publish the version" }).ClickAsync();
        await console.Locator("td a[href='/legal/terms/2.0']").WaitForAsync();
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-legal-publish.png"), FullPage = true });
        problems.AddRange((await Accessibility.SeriousViolationsAsync(console)).Select(v => "console: " + v));

        // The next day the new Terms are in force; yesterday's sessions have lapsed.
        site.Clock.Advance(TimeSpan.FromDays(1));
        IPage? last = null;
        foreach (var (language, locale) in new[] { ("en", "en-GB"), ("ru", "ru-RU") })
        {
            foreach (var (device, width, height) in new[] { ("desktop", 1366, 900), ("phone", 390, 844) })
            {
                var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = true, Locale = locale,
                })).NewPageAsync();
                await site.SignInAsync(page, (string)registration["email"]!, Members.Password);
                await page.WaitForURLAsync(new Regex("/legal/accept"));
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                // Sections 1 and 9 read differently; the ten others of version 1.0 are gone.
                Assert.Equal(12, await page.Locator("main section.card li").CountAsync());
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{device} {language} runs off the side");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"61-legal-accept-{device}-{language}.png"), FullPage = true });
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{device} {language}: {v}"));
                last = page;
            }
        }

        await last!.Locator("main form button[type=submit]").ClickAsync();
        await last.WaitForURLAsync(url => !url.Contains("/legal/accept", StringComparison.Ordinal));
        await last.GotoAsync(site.BaseUrl + "/settings");
        Assert.EndsWith("/settings", last.Url, StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}

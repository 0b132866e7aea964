using System.Net.Http.Headers;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Tests.Billing;
using Tradehall.Tests.Legal;

namespace Tradehall.BrowserTests;

/// <summary>BIL-19 in a browser: a non-resident's billing page shows the cap, what is used and what remains, in USD and in roubles.</summary>
public sealed class NonResidentCapJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task BIL19_a_non_resident_sees_the_cap_used_and_remaining_on_the_billing_page()
    {
        var registration = Members.Registration();
        string number;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.GetProperty("token").GetString());
            var legal = LegalDataApiTests.Individual();
            legal["email"] = registration["email"];
            Assert.True((await http.PutAsJsonAsync("/api/v1/me/legal", legal)).IsSuccessStatusCode);
            number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        }
        await ImportAsync(number, (string)registration["email"]!, "1000000.00");

        var problems = new List<string>();
        foreach (var (language, locale, remaining) in new[] { ("ru", "ru-RU", "Осталось"), ("en", "en-GB", "Remaining") })
        {
            foreach (var (device, width, height) in new[] { ("phone", 390, 844), ("desktop", 1366, 900) })
            {
                var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = true, Locale = locale,
                })).NewPageAsync();
                await site.SignInAsync(page, (string)registration["email"]!, Members.Password);
                await page.GotoAsync(site.BaseUrl + "/billing");
                var cap = page.Locator("#non-resident-cap");
                Assert.Contains(remaining, await cap.InnerTextAsync(), StringComparison.Ordinal);
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{device} {language} runs off the side");
                await cap.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(site.Artifacts, $"75-non-resident-cap-{device}-{language}.png") });
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{device} {language}: {v}"));
            }
        }

        // Over the cap (85 RUB per USD here: 4,165,000.00 RUB), a payment waits in the operator's suspense queue, saying why.
        await ImportAsync(number, (string)registration["email"]!, "4000000.00");
        var console = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BypassCSP = true, Locale = "en-GB",
        })).NewPageAsync();
        await site.OperatorSignInAsync(console, $"cap-{Guid.NewGuid():N}@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator/suspense");
        var row = console.Locator("tr", new() { HasText = "4,000,000.00 RUB" }).Filter(new() { HasText = number });
        Assert.Contains("Over the non-resident payment cap", await row.InnerTextAsync(), StringComparison.Ordinal);
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "76-suspense-non-resident-cap-desktop-en.png"), FullPage = true });
        problems.AddRange((await Accessibility.SeriousViolationsAsync(console)).Select(v => $"suspense: {v}"));
        Assert.Empty(problems);
    }

    private async Task ImportAsync(string number, string email, string amount)
    {
        var statement = BankStatementTests.Csv(BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), amount, BankStatementTests.Purpose(number, email)));
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BankStatements>().ImportAsync(statement, Guid.Empty, CancellationToken.None);
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Legal.Subscribers;
using Tradehall.Tests.Billing;

namespace Tradehall.BrowserTests;

/// <summary>
/// BIL-17 in a browser: a subscriber paid by a company's bank transfer asks for the money back; a stranger's INN is
/// refused beside the field, the company's details are taken, the operator sees it due in 10 business days and pays it.
/// </summary>
public sealed class RefundJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Bic = "044525225";
    private const string PayerInn = "7707083893";

    [Fact]
    public async Task BIL17_a_refund_is_applied_for_refused_for_a_stranger_and_paid_by_the_operator()
    {
        var registration = Members.Registration();
        string number;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.GetProperty("token").GetString());
            number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        }
        var account = Enumerable.Range(0, 10).Select(d => "40702810" + d.ToString(CultureInfo.InvariantCulture) + "00000004242")
            .First(a => LegalChecksums.IsValidSettlementAccount(a, Bic));
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var statement = BankStatementTests.Csv(BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), "4000.00",
            BankStatementTests.Purpose(number, (string)registration["email"]!), "ООО \"Лесоторг\"", PayerInn, account, today));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BankStatements>().ImportAsync(statement, Guid.Empty, CancellationToken.None);
        }
        var problems = new List<string>();

        IPage? member = null;
        foreach (var (language, locale) in new[] { ("ru", "ru-RU"), ("en", "en-GB") })
        {
            foreach (var (device, width, height) in new[] { ("phone", 390, 844), ("desktop", 1366, 900) })
            {
                member = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = true, Locale = locale,
                })).NewPageAsync();
                await site.SignInAsync(member, (string)registration["email"]!, Members.Password);
                await member.GotoAsync(site.BaseUrl + "/billing/refunds");
                Assert.True(await member.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{device} {language} runs off the side");
                await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"70-refund-form-{device}-{language}.png"), FullPage = true });
                problems.AddRange((await Accessibility.SeriousViolationsAsync(member)).Select(v => $"{device} {language}: {v}"));
            }
        }

        await member!.FillAsync("#Amount", "1500.00");
        await member.FillAsync("#PayerName", "ООО «Лесоторг»");
        await member.FillAsync("#PayerInn", "7736050003");
        await member.FillAsync("#Bic", Bic);
        await member.FillAsync("#SettlementAccount", account);
        await member.FillAsync("#CorrespondentAccount", "30101810400000000225");
        await member.GetByRole(AriaRole.Button, new() { Name = "Apply for the refund" }).ClickAsync();
        await member.Locator("#PayerInn[aria-invalid=true]").WaitForAsync();
        Assert.Contains("No payment to this personal account came from this INN", await member.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "71-refund-refused-desktop-en.png"), FullPage = true });
        problems.AddRange((await Accessibility.SeriousViolationsAsync(member)).Select(v => "refused: " + v));

        await member.FillAsync("#PayerInn", PayerInn);
        await member.GetByRole(AriaRole.Button, new() { Name = "Apply for the refund" }).ClickAsync();
        await member.Locator("[role=status]").WaitForAsync();
        var row = member.Locator("#applications-title ~ div table tbody tr").First;
        Assert.Contains("to be paid by", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2,500.00 RUB", await member.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var console = await site.PhoneAsync();
        await site.OperatorSignInAsync(console, $"refunds.{Guid.NewGuid():N}@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator/refunds");
        var due = console.Locator("table tbody tr", new() { HasText = number });
        Assert.Contains("1,500.00 RUB", await due.InnerTextAsync(), StringComparison.Ordinal);
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "72-operator-refunds-phone.png"), FullPage = true });
        problems.AddRange((await Accessibility.SeriousViolationsAsync(console)).Select(v => "console: " + v));
        var download = await console.RunAndWaitForDownloadAsync(() => console.GetByRole(AriaRole.Link, new() { Name = "Download payment orders (1C)" }).ClickAsync());
        Assert.Matches(new Regex(@"^refunds-\d{4}-\d{2}-\d{2}\.txt$"), download.SuggestedFilename);
        await due.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).ClickAsync();
        await console.Locator("[role=status]").WaitForAsync();

        await member.GotoAsync(site.BaseUrl + "/billing/refunds");
        Assert.Contains("Paid", await member.Locator("#applications-title ~ div table tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}

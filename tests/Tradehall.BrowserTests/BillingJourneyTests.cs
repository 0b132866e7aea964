using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradehall.Tests.Infrastructure;

namespace Tradehall.BrowserTests;

/// <summary>
/// BIL-03 (c) and BIL-07 in a browser: the operator credits a subscriber's personal account from
/// the console, the subscriber sees the money and orders a subscription from the personal-account page.
/// </summary>
public sealed class BillingJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<IPage> PageAsync()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BypassCSP = true, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task BIL03_BIL06_the_operator_console_imports_a_statement_and_edits_the_catalogue_on_a_phone()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true, Locale = "en-GB",
        });
        var console = await context.NewPageAsync();
        await site.OperatorSignInAsync(console, "phone@operator.example.org");
        var problems = new List<string>();

        // BIL-03 (b): a statement whose payment names no account is held in suspense.
        var statement = Path.Combine(site.Artifacts, "statement.csv");
        await File.WriteAllTextAsync(statement, "date;number;amount;payer_name;purpose\n2026-03-02;77;1500.00;Lesotorg LLC;Payment for timber\n2026-03-02;78;abc;Lesotorg LLC;Broken\n");
        await console.GotoAsync(site.BaseUrl + "/operator/bank-import");
        await console.SetInputFilesAsync("#StatementFile", statement);
        await console.GetByRole(AriaRole.Button, new() { Name = "Import the statement" }).ClickAsync();
        await console.Locator("[role=status]").WaitForAsync();
        problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
        Assert.Equal(1, await console.Locator("[role=status] table tbody tr").CountAsync());
        await console.GotoAsync(site.BaseUrl + "/operator/suspense");
        Assert.Contains("No personal account number in the purpose", await console.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "32-suspense-phone.png"), FullPage = true });

        // BIL-06: a new service kind, then the catalogue and the confirmation queue.
        await console.GotoAsync(site.BaseUrl + "/operator/catalog/kind");
        await console.FillAsync("#Code", "web-hosting");
        await console.FillAsync("#NameEn", "Web hosting");
        await console.FillAsync("#NameRu", "Веб-хостинг");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
        await console.GetByRole(AriaRole.Button, new() { Name = "Save kind" }).ClickAsync();
        await console.WaitForURLAsync(new Regex("/operator/catalog"));
        Assert.Contains("Web hosting", await console.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "33-catalogue-phone.png"), FullPage = true });
        await console.GotoAsync(site.BaseUrl + "/operator/confirmations");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(console));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task BIL03_BIL07_operator_credits_the_account_and_the_subscriber_orders_a_subscription()
    {
        // A subscriber with legal data, registered through the public API.
        var registration = Members.Registration();
        string number;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.GetProperty("token").GetString());
            (await http.PutAsJsonAsync("/api/v1/me/legal", new
            {
                type = "individual", resident = true, country = "RU", notificationPhone = registration["phone"], email = registration["email"],
                lastName = "Koroleva", firstName = "Elena", documentType = "Passport", documentNumber = "4510 123456", documentIssuedOn = "2012-05-04",
            })).EnsureSuccessStatusCode();
            number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        }

        var console = await PageAsync();
        await site.OperatorSignInAsync(console, "console@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator/credit");
        await console.FillAsync("#AccountNumber", number);
        await console.FillAsync("#Amount", "5000.00");
        await console.FillAsync("#Reason", "Prepayment received at the office");
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "30-operator-credit.png"), FullPage = true });
        await console.GetByRole(AriaRole.Button, new() { Name = "Credit the account" }).ClickAsync();
        await console.WaitForURLAsync(new Regex("/operator/credit$"));
        Assert.Contains(number, await console.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var problems = (await Accessibility.SeriousViolationsAsync(console)).ToList();

        // The subscriber sees the money and orders market analytics.
        var member = await PageAsync();
        await site.SignInAsync(member, (string)registration["email"]!, Members.Password);
        await member.GotoAsync(site.BaseUrl + "/billing");
        var account = await member.Locator("main").InnerTextAsync();
        Assert.Contains("5,000.00 RUB", account, StringComparison.Ordinal);
        Assert.Contains("Credit by the operator", account, StringComparison.Ordinal);
        await member.Locator("form", new() { HasText = "Analytics" }).GetByRole(AriaRole.Button).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing$"));
        var after = await member.Locator("main").InnerTextAsync();
        Assert.Contains("2,510.00 RUB", after, StringComparison.Ordinal);
        Assert.Contains("Market analytics", after, StringComparison.Ordinal);
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "31-personal-account.png"), FullPage = true });

        // BIL-15: stopping renewal keeps the paid period.
        await member.GetByRole(AriaRole.Button, new() { Name = "Stop renewal" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing$"));
        Assert.Contains("will not renew", await member.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(member));
        Assert.Empty(problems);
    }
}

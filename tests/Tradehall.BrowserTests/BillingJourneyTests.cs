using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Accounts;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Billing.TopUps;
using Tradehall.Core.Data;

namespace Tradehall.BrowserTests;

/// <summary>
/// BIL-03 (c) and BIL-07 in a browser: the operator credits a subscriber's personal account from
/// the console, the subscriber sees the money and orders a subscription from the personal-account page;
/// orders and cancellations ask first, a short balance is invoiced in one click, suspension is said on every page.
/// </summary>
public sealed class BillingJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<IPage> PageAsync(int width = 1280)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, BypassCSP = true, Locale = "en-GB" });
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
        // BIL-07: "Order" leads to the summary; only the confirmation charges.
        await member.Locator("form", new() { HasText = "Analytics" }).GetByRole(AriaRole.Button).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing/order"));
        Assert.Contains("2,510.00 RUB", await member.Locator("#order-summary").InnerTextAsync(), StringComparison.Ordinal);
        await member.GetByRole(AriaRole.Button, new() { Name = "Confirm and pay 2,490.00 RUB" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing#services-title$"));
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

    [Fact]
    public async Task BIL13_BIL25_the_console_sets_a_credit_limit_and_the_subscriber_sees_the_debt_and_the_term_in_both_languages_and_on_a_phone()
    {
        var subscriber = await SubscriberAsync(site, 100m);
        var console = await PageAsync();
        await site.OperatorSignInAsync(console, $"limit-{Guid.NewGuid():N}@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator/credit-limit?number=" + subscriber.Number);
        await console.FillAsync("#Limit", "3000");
        await console.GetByRole(AriaRole.Button, new() { Name = "Set the limit" }).ClickAsync();
        await console.WaitForURLAsync(new Regex("/operator/credit-limit\\?number="));
        Assert.Contains("3,000.00 RUB", await console.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var problems = (await Accessibility.SeriousViolationsAsync(console)).ToList();
        await ShotAsync(console, "34-operator-credit-limit");

        // BIL-13: the order goes below zero on credit; the debt invoice, its due date and the term show on the personal account.
        await OrderAsync(subscriber, "analytics");
        foreach (var (locale, language) in new[] { ("en-GB", "en"), ("ru-RU", "ru") })
        {
            foreach (var (width, device) in new[] { (1280, "desktop"), (390, "phone") })
            {
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = 900 }, IsMobile = width < 500, BypassCSP = true, Locale = locale,
                });
                var member = await context.NewPageAsync();
                await site.SignInAsync(member, subscriber.Email, Members.Password);
                await member.GotoAsync(site.BaseUrl + "/billing");
                Assert.Equal(1, await member.Locator("#debts tbody tr").CountAsync());
                Assert.Equal(1, await member.Locator("#contract-summary").CountAsync());
                problems.AddRange(await Accessibility.SeriousViolationsAsync(member));
                await member.Locator("#contract-title").ScrollIntoViewIfNeededAsync();
                await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"35-credit-and-contract-{language}-{device}.png") });
                await context.CloseAsync();
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task BIL20_a_subscriber_pauses_a_service_and_resumes_it_on_the_page_in_both_languages_and_on_a_phone()
    {
        var subscriber = await SubscriberAsync(site, 5000m);
        await OrderAsync(subscriber, "analytics");
        var member = await PageAsync();
        await site.SignInAsync(member, subscriber.Email, Members.Password);
        await member.GotoAsync(site.BaseUrl + "/billing");
        await member.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing$"));
        var paused = await member.Locator("main").InnerTextAsync();
        Assert.Contains("The service is paused.", paused, StringComparison.Ordinal);
        Assert.Contains("each period costs 249.00 RUB while paused", paused, StringComparison.Ordinal);
        var problems = (await Accessibility.SeriousViolationsAsync(member)).ToList();
        foreach (var (locale, language) in new[] { ("en-GB", "en"), ("ru-RU", "ru") })
        {
            foreach (var (width, device) in new[] { (1280, "desktop"), (390, "phone") })
            {
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = 900 }, IsMobile = width < 500, BypassCSP = true, Locale = locale,
                });
                var page = await context.NewPageAsync();
                await site.SignInAsync(page, subscriber.Email, Members.Password);
                await page.GotoAsync(site.BaseUrl + "/billing");
                problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
                await page.Locator("#services-title").ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"36-paused-service-{language}-{device}.png") });
                if (language == "ru" && device == "phone")
                {
                    // The period running was paid in full, so resuming costs nothing.
                    await page.GetByRole(AriaRole.Button, new() { Name = "Возобновить" }).ClickAsync();
                    await page.WaitForURLAsync(new Regex("/billing$"));
                    var resumed = await page.Locator("main").InnerTextAsync();
                    Assert.Contains("Услуга снова действует.", resumed, StringComparison.Ordinal);
                    Assert.DoesNotContain("Приостановлена", resumed, StringComparison.Ordinal);
                }
                await context.CloseAsync();
            }
        }
        Assert.Empty(problems);
    }

    internal sealed record Subscriber(string Email, string Token, string Number);

    /// <summary>A subscriber with legal data, registered through the public API, with <paramref name="credit"/> credited by an operator.</summary>
    internal static async Task<Subscriber> SubscriberAsync(SiteFixture site, decimal credit)
    {
        var registration = Members.Registration();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
        var token = registered.GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.PutAsJsonAsync("/api/v1/me/legal", new
        {
            type = "individual", resident = true, country = "RU", notificationPhone = registration["phone"], email = registration["email"],
            lastName = "Koroleva", firstName = "Elena", documentType = "Passport", documentNumber = "4510 123456", documentIssuedOn = "2012-05-04",
        })).EnsureSuccessStatusCode();
        var number = (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("number").GetString()!;
        await CreditAsync(site, number, credit);
        return new Subscriber((string)registration["email"]!, token, number);
    }

    /// <summary>BIL-03 (c): money on the account the way the console credits it, without a second operator session in the journey.</summary>
    internal static async Task CreditAsync(SiteFixture site, string number, decimal amount)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var op = await services.GetRequiredService<Staff>().CreateOperatorAsync($"credit-{Guid.NewGuid():N}@operator.example.org", "Operator pass phrase 2026");
        var db = services.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await services.GetRequiredService<TopUpService>().CreditByOperatorAsync(number, new CreditRequest(amount, "Prepayment received at the office"), op.Id, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static HttpClient Api(string baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private async Task<Guid> TariffAsync(Subscriber subscriber, string kind)
    {
        using var http = Api(site.BaseUrl, subscriber.Token);
        var catalog = await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/catalog");
        return catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("tariffs")[0].GetProperty("id").GetGuid();
    }

    private async Task<Guid> OrderAsync(Subscriber subscriber, string kind)
    {
        var tariff = await TariffAsync(subscriber, kind);
        using var http = Api(site.BaseUrl, subscriber.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services") { Content = JsonContent.Create(new { tariffId = tariff, autoRenew = true }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<decimal> BalanceAsync(Subscriber subscriber)
    {
        using var http = Api(site.BaseUrl, subscriber.Token);
        return (await http.GetFromJsonAsync<JsonElement>("/api/v1/billing/account")).GetProperty("balance").GetDecimal();
    }

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, name + ".png"), FullPage = true });

    [Fact]
    public async Task BIL07_BIL16_BIL05_order_and_cancel_ask_first_and_a_short_balance_is_invoiced_in_one_click()
    {
        var subscriber = await SubscriberAsync(site, 1000m);
        var member = await PageAsync();
        await site.SignInAsync(member, subscriber.Email, Members.Password);
        await member.GotoAsync(site.BaseUrl + "/billing");
        var problems = (await Accessibility.SeriousViolationsAsync(member)).ToList();

        // BIL-07, BIL-05: the balance is short of the price; the summary names the shortfall and invoices exactly it.
        await member.Locator("article.card", new() { Has = member.Locator("h3", new() { HasTextString = "Analytics" }) }).GetByRole(AriaRole.Button, new() { Name = "Order" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing/order"));
        Assert.Contains("The balance is 1,490.00 RUB short", await member.Locator("#shortfall").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await member.GetByRole(AriaRole.Button, new() { Name = "Confirm and pay", Exact = false }).CountAsync());
        problems.AddRange(await Accessibility.SeriousViolationsAsync(member));
        await member.GetByRole(AriaRole.Button, new() { Name = "Get an invoice for 1,490.00 RUB" }).ClickAsync();
        var download = member.Locator("#shortfall [role=status] a");
        await download.WaitForAsync();
        Assert.Contains("for 1,490.00 RUB is issued", await member.Locator("#shortfall [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        var pdf = await member.Context.APIRequest.GetAsync(site.BaseUrl + await download.GetAttributeAsync("href"));
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(member));
        await ShotAsync(member, "40-order-shortfall-invoiced-desktop-en");

        // With the money in, the same page offers the confirmation; looking at it charges nothing.
        await CreditAsync(site, subscriber.Number, 2000m);
        await member.ReloadAsync();
        var summary = await member.Locator("#order-summary").InnerTextAsync();
        Assert.Contains("3,000.00 RUB", summary, StringComparison.Ordinal);
        Assert.Contains("510.00 RUB", summary, StringComparison.Ordinal);
        Assert.Equal(3000m, await BalanceAsync(subscriber));
        await ShotAsync(member, "41-order-confirm-desktop-en");
        await member.GetByRole(AriaRole.Button, new() { Name = "Confirm and pay 2,490.00 RUB" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing#services-title$"));
        Assert.Equal(510m, await BalanceAsync(subscriber));

        // BIL-16: "Cancel now" asks first; keeping the service changes nothing.
        await member.GetByRole(AriaRole.Link, new() { Name = "Cancel now — Market analytics" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing/services/.+/cancel$"));
        var cancel = await member.Locator("#cancel-summary").InnerTextAsync();
        Assert.Contains("Nothing", cancel, StringComparison.Ordinal);
        Assert.Contains("2,490.00 RUB — the month in progress counts as used", cancel, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(member));
        await ShotAsync(member, "42-cancel-confirm-desktop-en");
        await member.GetByRole(AriaRole.Link, new() { Name = "Keep the service" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/billing#services-title$"));
        Assert.Contains("Active", await member.Locator("section[aria-labelledby=services-title] tbody").InnerTextAsync(), StringComparison.Ordinal);

        // By keyboard: the link and the confirmation answer Enter.
        await member.GetByRole(AriaRole.Link, new() { Name = "Cancel now — Market analytics" }).FocusAsync();
        await member.Keyboard.PressAsync("Enter");
        await member.WaitForURLAsync(new Regex("/cancel$"));
        await member.GetByRole(AriaRole.Button, new() { Name = "Cancel now without a refund" }).FocusAsync();
        await member.Keyboard.PressAsync("Enter");
        await member.WaitForURLAsync(new Regex("/billing#services-title$"));
        Assert.Contains("The service has stopped. Nothing was refunded.", await member.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(510m, await BalanceAsync(subscriber));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task BIL07_BIL10_the_billing_page_and_the_confirm_steps_in_english_and_russian_on_desktop_and_phone()
    {
        // Analytics suspended at the end of its period (the balance is short of the next one), as the billing run leaves it;
        // price reviews running, marketplace affordable.
        var subscriber = await SubscriberAsync(site, 2490m + 990m + 2000m);
        var analytics = await OrderAsync(subscriber, "analytics");
        var reviews = await OrderAsync(subscriber, "price-review");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<SubscribedService>().Where(s => s.Id == analytics)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Suspended).SetProperty(s => s.SuspendedOn, s => s.PeriodStart)
                    .SetProperty(s => s.PeriodEnd, s => s.PeriodStart));
            await db.Set<BillingAccount>().Where(a => a.Number == subscriber.Number).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccountStatus.Suspended));
        }
        var marketplace = await TariffAsync(subscriber, "marketplace");
        var problems = new List<string>();
        foreach (var (phone, language) in new[] { (false, "en"), (true, "en"), (false, "ru"), (true, "ru") })
        {
            var page = phone ? await site.PhoneAsync() : await PageAsync(1366);
            var suffix = (phone ? "phone-" : "desktop-") + language;
            await site.SignInAsync(page, subscriber.Email, Members.Password);
            await page.GotoAsync(site.BaseUrl + "/");
            if (language == "ru")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
                await page.Locator("html[lang=ru]").WaitForAsync();
            }
            // BIL-10: the banner on the home page and the personal account.
            var banner = await page.Locator("#suspension-banner").InnerTextAsync();
            Assert.Contains(language == "en" ? "Top up 490.00 RUB to resume them." : "Пополните счёт на 490,00 RUB", banner.Replace('\u00A0', ' '), StringComparison.Ordinal);
            await ShotAsync(page, "43-home-suspended-" + suffix);
            await page.GotoAsync(site.BaseUrl + "/billing");
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(p => suffix + " billing: " + p));
            await ShotAsync(page, "44-billing-" + suffix);

            await page.Locator($"form:has(input[name=tariffId][value='{marketplace}'])").GetByRole(AriaRole.Button).ClickAsync();
            await page.WaitForURLAsync(new Regex("/billing/order"));
            await page.Locator("#order-summary").WaitForAsync();
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(p => suffix + " order: " + p));
            await ShotAsync(page, "45-order-confirm-" + suffix);

            await page.GotoAsync(site.BaseUrl + $"/billing/services/{reviews}/cancel");
            await page.Locator("#cancel-summary").WaitForAsync();
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(p => suffix + " cancel: " + p));
            await ShotAsync(page, "46-cancel-confirm-" + suffix);
            await page.Context.CloseAsync();
        }
        Assert.Equal(2000m, await BalanceAsync(subscriber));
        Assert.Empty(problems);
    }
}

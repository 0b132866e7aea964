using AngleSharp.Html.Dom;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Web;

/// <summary>
/// BIL-03, BIL-05, BIL-07, BIL-10, BIL-16 on the pages, without script: ordering and cancelling at once ask first, a short
/// balance is named and invoiced in one click, the bank details are on the page, and suspension is said on every page.
/// </summary>
public sealed class BillingConfirmPageTests(StatementApiTests.App app) : IClassFixture<StatementApiTests.App>
{
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private async Task<Browser> SignedInAsync(TestMember member)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    /// <summary>Where the catalogue card's GET form for <paramref name="tariff"/> leads, as a browser would build it with the box left ticked.</summary>
    private static string OrderUrl(IHtmlDocument billing, Guid tariff)
    {
        var form = billing.Forms.Single(f => f.QuerySelector($"input[name=tariffId][value='{tariff}']") is not null);
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("/billing/order", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=autoRenew][checked]"));
        return $"/billing/order?tariffId={tariff}&autoRenew=true";
    }

    private async Task<decimal> BalanceAsync(TestMember member)
    {
        using var client = app.Api(member.Token);
        return await Subscribers.BalanceAsync(client);
    }

    [Fact]
    public async Task BIL07_a_subscription_the_member_holds_is_not_offered_again()
    {
        app.Clock.AdjustTime(At(new DateOnly(2026, 3, 2)));
        var s = await Subscribers.CreateAsync(app, 5000m);
        using (var client = app.Api(s.Member.Token))
        {
            Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);
        }
        using var browser = await SignedInAsync(s.Member);
        var (_, billing) = await browser.GetAsync("/billing");
        Assert.DoesNotContain(billing.Forms, f => f.QuerySelector($"input[name=tariffId][value='{s.Tariff}']") is not null);
        Assert.Contains("You have this subscription", billing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Other kinds stay on offer.
        Assert.Contains(billing.Forms, f => f.GetAttribute("action") == "/billing/order");
    }

    [Fact]
    public async Task BIL07_order_shows_the_summary_and_charges_only_after_confirm()
    {
        app.Clock.AdjustTime(At(new DateOnly(2026, 3, 2)));
        var s = await Subscribers.CreateAsync(app, 5000m);
        using var browser = await SignedInAsync(s.Member);
        var (_, billing) = await browser.GetAsync("/billing");
        var url = OrderUrl(billing, s.Tariff);

        var (response, confirm) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = confirm.QuerySelector("#order-summary")!.TextContent;
        Assert.Contains("Market analytics", summary, StringComparison.Ordinal);
        Assert.Contains("2,490.00 RUB per month", summary, StringComparison.Ordinal);
        Assert.Contains("From March 2, 2026 to April 2, 2026", summary, StringComparison.Ordinal);
        Assert.Contains("5,000.00 RUB", summary, StringComparison.Ordinal);
        Assert.Contains("2,510.00 RUB", summary, StringComparison.Ordinal);
        Assert.Equal("/billing#catalog-title", confirm.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back").GetAttribute("href"));
        Assert.Equal(5000m, await BalanceAsync(s.Member));

        var confirmed = await browser.SubmitAsync(url, "Confirm and pay 2,490.00 RUB");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/billing#services-title", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(2510m, await BalanceAsync(s.Member));

        // A second look at the summary says why a second subscription cannot be ordered and offers no confirmation.
        var (_, again) = await browser.GetAsync(url);
        Assert.Contains("You already have this subscription", again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(again.QuerySelectorAll("button"), b => b.TextContent.StartsWith("Confirm and pay", StringComparison.Ordinal));
        Assert.Equal(2510m, await BalanceAsync(s.Member));
    }

    [Fact]
    public async Task BIL16_cancel_now_asks_first_and_keeping_the_service_changes_nothing()
    {
        app.Clock.AdjustTime(At(new DateOnly(2026, 3, 2)));
        var s = await Subscribers.CreateAsync(app, 5000m);
        var (service, _) = await Subscribers.OrderFirstAsync(app, s.Member);
        using var browser = await SignedInAsync(s.Member);
        var (_, billing) = await browser.GetAsync("/billing");
        var link = billing.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Cancel now", StringComparison.Ordinal));
        Assert.Equal($"/billing/services/{service}/cancel", link.GetAttribute("href"));
        Assert.DoesNotContain(billing.Forms, f => f.QuerySelector("input[name=immediately]") is not null);

        var (_, confirm) = await browser.GetAsync(link.GetAttribute("href")!);
        var summary = confirm.QuerySelector("#cancel-summary")!.TextContent;
        Assert.Contains("Today, March 2, 2026", summary, StringComparison.Ordinal);
        Assert.Contains("Nothing", summary, StringComparison.Ordinal);
        Assert.Contains("2,490.00 RUB — the month in progress counts as used", summary, StringComparison.Ordinal);
        Assert.Equal("/billing#services-title", confirm.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Keep the service").GetAttribute("href"));
        using (var client = app.Api(s.Member.Token))
        {
            Assert.Equal("active", (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[0].GetProperty("status").GetString());
        }

        var cancelled = await browser.SubmitAsync(link.GetAttribute("href")!, "Cancel now without a refund");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        using (var client = app.Api(s.Member.Token))
        {
            Assert.Equal("stopped", (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[0].GetProperty("status").GetString());
        }
        var (_, after) = await browser.GetAsync("/billing");
        Assert.Contains("The service has stopped. Nothing was refunded.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/billing/services/{Guid.NewGuid()}/cancel")).Response.StatusCode);
    }

    [Fact]
    public async Task BIL16_the_cancel_page_names_the_refund_of_the_unused_months_and_what_is_kept()
    {
        app.Clock.AdjustTime(At(new DateOnly(2026, 3, 2)));
        using var ops = app.Api(await Operators.TokenAsync(app));
        var tariff = await CatalogueSteps.TariffAsync(ops, await CatalogueSteps.KindAsync(ops), 3000m, months: 3);
        var (member, client) = await CatalogueSteps.SubscriberAsync(app, 3000m);
        var service = (await (await CatalogueSteps.OrderAsync(client, tariff)).JsonAsync()).GetProperty("id").GetGuid();
        using var browser = await SignedInAsync(member);
        var url = $"/billing/services/{service}/cancel";
        var summary = (await browser.GetAsync(url)).Page.QuerySelector("#cancel-summary")!.TextContent;
        Assert.Contains("2,000.00 RUB — full months not yet begun: 2, from April 2, 2026", summary, StringComparison.Ordinal);
        Assert.Contains("1,000.00 RUB — months already begun, the current one included: 1", summary, StringComparison.Ordinal);
        Assert.Contains("3,000.00 RUB per 3 months", summary, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(url, "Cancel now and get 2,000.00 RUB back")).StatusCode);
        var (_, after) = await browser.GetAsync("/billing");
        Assert.Contains("The service has stopped. 2,000.00 RUB is back on the balance.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2000m, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL05_a_short_balance_names_the_shortfall_and_invoices_exactly_it_in_one_click()
    {
        app.Clock.AdjustTime(At(new DateOnly(2026, 3, 2)));
        var s = await Subscribers.CreateAsync(app, 1000m);
        using var browser = await SignedInAsync(s.Member);
        var url = $"/billing/order?tariffId={s.Tariff}&autoRenew=true";
        var (_, confirm) = await browser.GetAsync(url);
        Assert.Contains("The balance is 1,490.00 RUB short", confirm.QuerySelector("#shortfall")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(confirm.QuerySelectorAll("button"), b => b.TextContent.StartsWith("Confirm and pay", StringComparison.Ordinal));
        Assert.Contains("044500000", confirm.QuerySelector("section[aria-labelledby=topup-title]")!.TextContent, StringComparison.Ordinal);

        var issued = await browser.SubmitAsync(url, "Get an invoice for 1,490.00 RUB");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var (_, shown) = await browser.GetAsync(issued.Headers.Location!.OriginalString);
        var status = shown.QuerySelector("#shortfall [role=status]")!;
        Assert.Contains("for 1,490.00 RUB is issued", status.TextContent, StringComparison.Ordinal);
        var pdf = await browser.GetAsync(status.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("application/pdf", pdf.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1 490,00", await PdfText.ReadAsync(await pdf.Response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        using var client = app.Api(s.Member.Token);
        var invoices = await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync();
        Assert.Equal(1490m, Assert.Single(invoices.EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal(1000m, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL10_a_suspended_member_sees_the_amount_to_resume_on_every_page_and_in_the_forecast()
    {
        var s = await SuspensionTests.SuspendedAsync(app, new DateOnly(2026, 9, 1));
        using var browser = await SignedInAsync(s.Member);
        foreach (var path in new[] { "/", "/listings", "/settings", "/billing" })
        {
            var (_, page) = await browser.GetAsync(path);
            var banner = page.QuerySelector("#suspension-banner")!.TextContent;
            Assert.Contains("Your services are suspended", banner, StringComparison.Ordinal);
            Assert.Contains("Top up 3,480.00 RUB to resume them.", banner, StringComparison.Ordinal);
            Assert.Equal("/billing#topup-title", page.QuerySelector("#suspension-banner a")!.GetAttribute("href"));
        }
        var (_, billing) = await browser.GetAsync("/billing");
        var forecast = billing.QuerySelector("#forecast")!;
        Assert.DoesNotContain("does not run out", forecast.TextContent, StringComparison.Ordinal);
        Assert.Contains("Suspended: ", forecast.TextContent, StringComparison.Ordinal);
        Assert.Contains("Market analytics (Analytics)", forecast.TextContent, StringComparison.Ordinal);
        Assert.Contains("Top up 3,480.00 RUB to resume them", forecast.TextContent, StringComparison.Ordinal);
        Assert.Contains("card-warn", forecast.ClassName, StringComparison.Ordinal);

        var (_, russian) = await browser.GetAsync("/?culture=ru");
        Assert.Contains("Пополните счёт на 3 480,00 RUB", russian.QuerySelector("#suspension-banner")!.TextContent.Replace('\u00A0', ' '), StringComparison.Ordinal);

        // A member with nothing suspended sees no banner.
        var active = await Subscribers.CreateAsync(app, 0m);
        using var other = await SignedInAsync(active.Member);
        Assert.Null((await other.GetAsync("/")).Page.QuerySelector("#suspension-banner"));
    }

    [Fact]
    public async Task BIL03_BIL07_how_to_top_up_names_the_operators_bank_and_the_legal_data_hint_goes_once_it_is_saved()
    {
        var without = await Subscribers.CreateAsync(app, 0m, legal: false);
        using (var browser = await SignedInAsync(without.Member))
        {
            var (_, page) = await browser.GetAsync("/billing");
            Assert.Contains("Ordering needs your legal data.", page.QuerySelector("section[aria-labelledby=catalog-title]")!.TextContent, StringComparison.Ordinal);
        }
        var with = await Subscribers.CreateAsync(app, 0m);
        using (var browser = await SignedInAsync(with.Member))
        {
            var (_, page) = await browser.GetAsync("/billing");
            Assert.DoesNotContain("Ordering needs your legal data", page.QuerySelector("section[aria-labelledby=catalog-title]")!.TextContent, StringComparison.Ordinal);
            var topUp = page.QuerySelector("section[aria-labelledby=topup-title]")!.TextContent;
            foreach (var detail in new[] { "Tradehall Demo Operator LLC", "7700000000 / 770001001", "Demo Bank JSC (demo)", "044500000", "40702810000000000000", "30101810000000000000",
                $"Top-up of personal account {with.Number}, login {with.Member.Email}. No VAT." })
            {
                Assert.Contains(detail, topUp, StringComparison.Ordinal);
            }
        }
    }
}

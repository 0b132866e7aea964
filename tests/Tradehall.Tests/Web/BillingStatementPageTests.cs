using System.Text;
using AngleSharp.Html.Dom;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Web;

/// <summary>BIL-21, BIL-22 on the /billing page: the forecast, the period form, the chart and the downloads, without script.</summary>
public sealed class BillingStatementPageTests(StatementApiTests.App app) : IClassFixture<StatementApiTests.App>
{
    private async Task<(TestMember Member, string Number, Browser Browser)> SubscriberAsync()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (member, number, _, _) = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, number, 5000m);
        await Subscribers.OrderFirstAsync(app, member);
        return (member, number, await SignedInAsync(member));
    }

    private async Task<Browser> SignedInAsync(TestMember member)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    /// <summary>What a browser sends for a GET form submitted with <paramref name="button"/>: its fields and the button's own name and value.</summary>
    private static string Submission(IHtmlDocument page, string button)
    {
        var clicked = page.QuerySelectorAll("form button").OfType<IHtmlButtonElement>().Single(b => b.TextContent.Trim() == button);
        var form = clicked.Form!;
        Assert.Equal("get", form.Method, ignoreCase: true);
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 })
            .Select(i => (i.Name!, i.Value)).ToList();
        if (clicked.Name is { Length: > 0 } name)
        {
            fields.Add((name, clicked.Value));
        }
        var action = form.GetAttribute("action")!.Split('#')[0];
        return action + "?" + string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
    }

    [Fact]
    public async Task BIL22_billing_page_shows_the_forecast_and_warns_within_n_days()
    {
        var (member, _, browser) = await SubscriberAsync();
        using (browser)
        {
            var (response, page) = await browser.GetAsync("/billing");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var forecast = page.QuerySelector("#forecast")!;
            Assert.Contains("Funds last until", forecast.TextContent, StringComparison.Ordinal);
            Assert.Contains("Funds last until May 1, 2026", forecast.TextContent, StringComparison.Ordinal);
            Assert.Contains("2,490.00 RUB", forecast.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("card-warn", forecast.ClassName, StringComparison.Ordinal);

        }
        // Sessions end while the clock travels weeks ahead, so the member signs in again.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 25, 9, 0, 0, TimeSpan.Zero));
        using var later = await SignedInAsync(member);
        var (_, warned) = await later.GetAsync("/billing");
        var warning = warned.QuerySelector("#forecast")!;
        Assert.Contains("card-warn", warning.ClassName, StringComparison.Ordinal);
        Assert.Contains("Top up soon", warning.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var (_, russian) = await later.GetAsync("/billing?culture=ru");
        Assert.Contains("Средств хватит до 1 мая 2026", russian.QuerySelector("#forecast")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Скачать PDF", russian.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BIL21_billing_page_charts_the_current_month_and_the_download_buttons_give_the_files()
    {
        var (_, number, browser) = await SubscriberAsync();
        using (browser)
        {
            var (_, page) = await browser.GetAsync("/billing");
            Assert.Equal("2026-03-01", ((IHtmlInputElement)page.QuerySelector("#From")!).Value);
            Assert.Equal("2026-03-31", ((IHtmlInputElement)page.QuerySelector("#To")!).Value);
            Assert.NotNull(page.QuerySelector("label[for=From]"));
            Assert.NotNull(page.QuerySelector("label[for=To]"));
            var chart = page.QuerySelector("figure.chart svg[role=img]")!;
            Assert.Contains("Balance from", chart.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("chart-title chart-desc", chart.GetAttribute("aria-labelledby"));
            Assert.StartsWith("M0,", chart.QuerySelector("path")!.GetAttribute("d"), StringComparison.Ordinal);
            var table = page.QuerySelector("section[aria-labelledby=lines-title] table")!;
            Assert.Contains("Market analytics", table.TextContent, StringComparison.Ordinal);
            Assert.Contains("2,510.00 RUB", table.TextContent, StringComparison.Ordinal);

            var csv = await browser.GetAsync(Submission(page, "Download CSV"));
            Assert.Equal(HttpStatusCode.OK, csv.Response.StatusCode);
            Assert.Equal("text/csv", csv.Response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", csv.Response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"statement-{number}-2026-03-01-2026-03-31.csv", csv.Response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Contains(",-2490.00,2510.00", Encoding.UTF8.GetString(await csv.Response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

            var pdf = await browser.GetAsync(Submission(page, "Download PDF"));
            Assert.Equal(HttpStatusCode.OK, pdf.Response.StatusCode);
            Assert.Equal("application/pdf", pdf.Response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"Statement of personal account {number}", await PdfText.ReadAsync(await pdf.Response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BIL21_billing_page_names_the_field_of_a_bad_period()
    {
        var (_, _, browser) = await SubscriberAsync();
        using (browser)
        {
            var (response, page) = await browser.GetAsync("/billing?From=2026-03-10&To=2026-03-01");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("after its end", page.QuerySelector("#From-error")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("figure.chart"));

            (response, page) = await browser.GetAsync("/billing?From=2026-03-01&To=&handler=Pdf");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(page.QuerySelector("#To-error"));
        }
    }
}

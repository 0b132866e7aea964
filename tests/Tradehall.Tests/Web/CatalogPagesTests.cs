using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Services;
using Tradehall.Tests.Billing;
using static Tradehall.Tests.Billing.CatalogueSteps;

namespace Tradehall.Tests.Web;

/// <summary>BIL-06, BIL-07: the console pages of the catalogue and of confirmations, driven through their forms.</summary>
public sealed class CatalogPagesTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task BIL06_operator_adds_a_kind_and_a_tariff_through_the_console_with_errors_beside_the_fields()
    {
        using var browser = await Operators.ConsoleBrowserAsync(app);
        var (console, start) = await browser.GetAsync("/operator");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.NotNull(start.QuerySelector("a[href='/operator/catalog']"));
        Assert.NotNull(start.QuerySelector("a[href='/operator/confirmations']"));

        var code = NewCode();
        var refused = await browser.SubmitAsync("/operator/catalog/kind", "Save kind",
            new() { ["Code"] = "Web Hosting", ["NameEn"] = "", ["NameRu"] = "Хостинг", ["GraceDays"] = "5", ["ReserveDays"] = "6" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.NotNull(page.QuerySelector("#Code-error"));
        Assert.NotNull(page.QuerySelector("#NameEn-error"));
        Assert.NotNull(page.QuerySelector("#ReserveDays-error"));
        Assert.Equal("true", page.QuerySelector("#ReserveDays")!.GetAttribute("aria-invalid"));
        Assert.Contains("ReserveDays-error", page.QuerySelector("#ReserveDays")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.False(await app.WithDb(db => db.Set<ServiceKind>().AnyAsync(k => k.NameRu == "Хостинг")));

        var saved = await browser.SubmitAsync("/operator/catalog/kind", "Save kind",
            new() { ["Code"] = code, ["NameEn"] = "Web hosting", ["NameRu"] = "Хостинг", ["GraceDays"] = "40", ["ReserveDays"] = "10" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, catalogue) = await browser.GetAsync("/operator/catalog");
        Assert.NotNull(catalogue.QuerySelector($"#kind-{code}"));

        var url = $"/operator/catalog/tariff?kind={code}";
        var badPrice = await browser.SubmitAsync(url, "Save tariff", new() { ["Name"] = "Hosting S", ["Price"] = "10.005", ["PeriodMonths"] = "1" });
        Assert.Equal(HttpStatusCode.OK, badPrice.StatusCode);
        page = await ParseAsync(badPrice);
        Assert.NotNull(page.QuerySelector("#Price-error"));
        Assert.Null(page.QuerySelector("#Name-error"));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(url, "Save tariff",
            new() { ["Name"] = "Hosting S", ["Price"] = "1 490,50", ["PeriodMonths"] = "1", ["TaxMode"] = "vat", ["VatRate"] = "20" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(url, "Save tariff",
            new() { ["Name"] = "Hosting M", ["Price"] = "2490", ["PeriodMonths"] = "1" })).StatusCode);
        var tariff = await app.WithDb(db => db.Set<Tariff>().AsNoTracking().SingleAsync(t => t.Name == "Hosting S" && t.Price == 1_490_50));
        Assert.Equal(20, tariff.VatRate);
        (_, catalogue) = await browser.GetAsync("/operator/catalog");
        Assert.Contains("Hosting S", catalogue.QuerySelector($"section[aria-labelledby='kind-{code}']")!.TextContent, StringComparison.Ordinal);

        var edit = $"/operator/catalog/tariff?id={tariff.Id}";
        var noSuccessor = await browser.SubmitAsync(edit, "Close tariff");
        Assert.Equal(HttpStatusCode.OK, noSuccessor.StatusCode);
        page = await ParseAsync(noSuccessor);
        Assert.NotNull(page.QuerySelector("#SuccessorTariffId-error"));
        var successor = await app.WithDb(db => db.Set<Tariff>().Where(t => t.Name == "Hosting M").Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(edit, "Close tariff", new() { ["SuccessorTariffId"] = successor.ToString() })).StatusCode);
        Assert.False(await app.WithDb(db => db.Set<Tariff>().Where(t => t.Id == tariff.Id).Select(t => t.Active).SingleAsync()));
    }

    [Fact]
    public async Task BIL07_operator_declines_an_order_on_the_confirmations_page_with_a_reason()
    {
        using var ops = app.Api(await Operators.TokenAsync(app));
        var tariff = await TariffAsync(ops, await KindAsync(ops), 75m, confirmation: true);
        var (_, client) = await SubscriberAsync(app, 75m);
        using var _ = client;
        var service = (await (await OrderAsync(client, tariff)).JsonAsync()).GetProperty("id").GetGuid();

        using var browser = await Operators.ConsoleBrowserAsync(app);
        var (response, page) = await browser.GetAsync("/operator/confirmations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = service.ToString();
        bool Row(IHtmlFormElement f) => f.QuerySelector($"input[name='id'][value='{id}']") is not null;

        var noReason = await browser.SubmitAsync("/operator/confirmations", "Decline and refund", new() { ["Reason"] = "" }, Row);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var refusedPage = await ParseAsync(noReason);
        Assert.NotNull(refusedPage.QuerySelector($"#reason-{service:N}-error"));
        Assert.Equal(ServiceStatus.AwaitingConfirmation, await app.WithDb(db => db.Set<SubscribedService>().Where(s => s.Id == service).Select(s => s.Status).SingleAsync()));

        var declined = await browser.SubmitAsync("/operator/confirmations", "Decline and refund", new() { ["Reason"] = "The region is not served" }, Row);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(ServiceStatus.Stopped, await app.WithDb(db => db.Set<SubscribedService>().Where(s => s.Id == service).Select(s => s.Status).SingleAsync()));
        Assert.Equal(75m, await BalanceAsync(client));
    }
}

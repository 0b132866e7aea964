using Tradehall.Tests.Documents;
using static Tradehall.Tests.Documents.CertificateSteps;

namespace Tradehall.Tests.Web;

/// <summary>DOC-01, DOC-03 on the pages, without script: re-issue for the fee shown, and the operator's free re-issue of an objected certificate.</summary>
public sealed class CertificatePageTests
{
    [Fact]
    public async Task DOC03_the_page_re_issues_for_the_fee_on_its_button_and_the_console_re_issues_an_objected_certificate_free()
    {
        using var app = new CertificateApp(new DateOnly(2027, 2, 3));
        var (s, client) = await SubscribedAsync(app, 1);
        await Subscribers.TopUpAsync(app, s.Number, 1000m);
        await RunAsync(app, new DateOnly(2027, 3, 3));
        var certificate = Assert.Single(await CertificatesAsync(client));
        var id = certificate.GetProperty("id").GetGuid().ToString();

        using var browser = new Browser(app);
        await browser.SignInAsync(s.Member.Email, s.Member.Password);
        var paid = await browser.SubmitAsync("/billing/certificates", "Re-issue the chosen documents for 200.00 RUB", new() { ["DocumentIds"] = id });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(800m, await Subscribers.BalanceAsync(client));
        var (_, page) = await browser.GetAsync("/billing/certificates");
        var copy = Assert.Single(page.QuerySelectorAll("a[href*='handler=Copy']"));
        var pdf = await browser.GetAsync(copy.GetAttribute("href")!);
        Assert.Equal("application/pdf", pdf.Response.Content.Headers.ContentType?.MediaType);

        // Nothing chosen: refused by name, nothing charged.
        var none = await browser.SubmitAsync("/billing/certificates", "Re-issue the chosen documents");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(800m, await Subscribers.BalanceAsync(client));

        Assert.Equal(HttpStatusCode.OK, (await ObjectAsync(client, certificate, "The period was billed twice.")).StatusCode);
        using var console = await Operators.ConsoleBrowserAsync(app);
        var (_, queue) = await console.GetAsync("/operator/certificates");
        Assert.Contains("The period was billed twice.", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var free = await console.SubmitAsync("/operator/certificates", "Re-issue free of charge", new() { ["Reason"] = "The renewal was charged twice by our mistake." });
        Assert.Equal(HttpStatusCode.Redirect, free.StatusCode);
        Assert.Equal(800m, await Subscribers.BalanceAsync(client));
        Assert.Equal(2, (await (await client.GetAsync("/api/v1/billing/documents/copies")).JsonAsync()).GetArrayLength());
    }
}

using AngleSharp.Html.Parser;
using Tradehall.Core.Billing.Hooks;
using static Tradehall.Tests.Billing.ProvisioningHookSteps;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-24: the operator sets a kind's webhook on its page, reads the delivery log and replays a failed delivery.</summary>
public sealed class ProvisioningHookPageTests(HookApp app) : IClassFixture<HookApp>
{
    [Fact]
    public async Task BIL24_the_operator_sets_the_webhook_on_the_kind_page_and_sees_the_secret_once()
    {
        await using var receiver = await HookReceiver.StartAsync();
        using var ops = app.Api(await Operators.TokenAsync(app));
        var kind = await CatalogueSteps.KindAsync(ops);
        using var browser = await Operators.ConsoleBrowserAsync(app);
        var url = $"/operator/catalog/kind?edit={kind}";

        var bad = await browser.SubmitAsync(url, "Save webhook", new() { ["Url"] = "http://hooks.example.com/x" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var refused = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Url-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("Enter an https:// address", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("hook-secret", refused, StringComparison.Ordinal);

        var saved = await browser.SubmitAsync(url, "Save webhook", new() { ["Url"] = receiver.Url.ToString() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await saved.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#hook-secret")!.TextContent.Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(receiver.Url.ToString(), page.QuerySelector("input#Url")!.GetAttribute("value"));

        // Opened again, the page shows the address but not the secret.
        var (_, again) = await browser.GetAsync(url);
        Assert.Null(again.QuerySelector("#hook-secret"));
        Assert.DoesNotContain(secret, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var renewed = await browser.SubmitAsync(url, "Make a new signing secret");
        var fresh = (await new HtmlParser().ParseDocumentAsync(await renewed.Content.ReadAsStringAsync())).QuerySelector("#hook-secret")!.TextContent.Trim();
        Assert.NotEqual(secret, fresh);

        var (_, console) = await browser.GetAsync("/operator");
        Assert.NotNull(console.QuerySelector("a[href='/operator/provisioning']"));
    }

    [Fact]
    public async Task BIL24_a_failed_delivery_is_listed_with_its_reason_and_replayed_from_the_log()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (kind, tariff) = await HookKindAsync(app, receiver);
        var (service, _, _) = await OrderedAsync(app, tariff);
        using var ops = app.Api(await Operators.TokenAsync(app));
        // With the address gone there is nowhere to send it: it fails at once rather than being retried for hours.
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/hook", new { url = "" })).StatusCode);
        await PassAsync(app);
        var failed = await OnlyDeliveryAsync(app, service);
        Assert.Equal(HookDeliveryStatus.Failed, failed.Status);

        using var browser = await Operators.ConsoleBrowserAsync(app);
        var log = $"/operator/provisioning?status=failed&kind={kind}";
        var (response, page) = await browser.GetAsync(log);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("The kind has no webhook URL any more.", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(failed.Id.ToString(), row.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/hook", new { url = receiver.Url })).StatusCode);
        var replayed = await browser.SubmitAsync(log, "Replay");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        await PassAsync(app);
        Assert.Equal(HookDeliveryStatus.Delivered, (await OnlyDeliveryAsync(app, service)).Status);
        var call = Assert.Single(receiver.Snapshot());
        Assert.True(call.SignatureValid);
        Assert.Equal(failed.Id.ToString(), call.DeliveryId);

        var (ruResponse, ru) = await browser.GetAsync($"/operator/provisioning?kind={kind}&culture=ru");
        Assert.Equal(HttpStatusCode.OK, ruResponse.StatusCode);
        Assert.Contains("Доставлено", ru.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Single(ru.QuerySelectorAll("tbody tr"));
    }
}

using System.Globalization;
using Tradehall.Core.Billing.Run;
using Tradehall.Tests.Billing;
using Tradehall.Tests.Legal;

namespace Tradehall.Tests.Documents;

/// <summary>A site of its own on a fake clock (a billing run bills and certifies every account), and its subscribers.</summary>
public sealed class CertificateApp : TradehallApp
{
    public CertificateApp(DateOnly today)
    {
        Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
        Clock = new(CertificateSteps.At(today));
    }
}

public static class CertificateSteps
{
    /// <summary>Mid-morning in the site's time zone (Moscow, UTC+3), well inside the day.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public static DateOnly Day(JsonElement element, string property) =>
        DateOnly.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    public static async Task RunAsync(TradehallApp app, DateOnly day)
    {
        app.Clock.SetUtcNow(At(day));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(day, null, CancellationToken.None));
    }

    /// <summary>
    /// A subscriber whose legal data says legal entity (or entrepreneur, or individual), topped up for <paramref name="periods"/> and
    /// subscribed — on credit up to <paramref name="creditLimit"/> when the top-up does not cover the order (BIL-13).
    /// </summary>
    public static async Task<(TestSubscriber Subscriber, HttpClient Client)> SubscribedAsync(TradehallApp app, decimal periods, string type = "legalEntity",
        decimal creditLimit = 0m)
    {
        var probe = await Subscribers.CreateAsync(app, 0m, legal: type == "individual");
        var client = app.Api(probe.Member.Token);
        if (type != "individual")
        {
            var body = type == "legalEntity" ? LegalDataApiTests.LegalEntity() : LegalDataApiTests.Entrepreneur();
            body["notificationPhone"] = probe.Member.Phone;
            body["email"] = probe.Member.Email;
            var saved = await client.PutAsJsonAsync("/api/v1/me/legal", body);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        if (periods > 0)
        {
            await Subscribers.TopUpAsync(app, probe.Number, probe.Price * periods);
        }
        if (creditLimit > 0)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await CreditSteps.SetLimitAsync(app, probe.Number, creditLimit)).StatusCode);
        }
        var ordered = await Subscribers.OrderAsync(client, probe.Tariff);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        return (probe, client);
    }

    public static async Task<JsonElement[]> CertificatesAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/billing/certificates");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }

    public static Task<HttpResponseMessage> ObjectAsync(HttpClient client, JsonElement certificate, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/billing/certificates/{certificate.GetProperty("id").GetGuid()}/object", new { reason });

    public static Task<HttpResponseMessage> AcceptAsync(HttpClient client, JsonElement certificate) =>
        client.PostAsync($"/api/v1/billing/certificates/{certificate.GetProperty("id").GetGuid()}/accept", null);
}

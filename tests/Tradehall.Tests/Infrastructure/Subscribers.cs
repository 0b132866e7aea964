using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Infrastructure;

public sealed record TestSubscriber(TestMember Member, string Number, Guid Tariff, decimal Price);

/// <summary>Members ready to buy: legal data entered, the personal account topped up through the gateway.</summary>
public static class Subscribers
{
    public static async Task<TestSubscriber> CreateAsync(TradehallApp app, decimal topUp, bool legal = true, string kind = "analytics", int tariffIndex = 0)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        if (legal)
        {
            var saved = await client.PutAsJsonAsync("/api/v1/me/legal", new
            {
                type = "individual",
                resident = true,
                country = "RU",
                notificationPhone = member.Phone,
                email = member.Email,
                lastName = "Koroleva",
                firstName = "Elena",
                patronymic = "Petrovna",
                documentType = "Passport",
                documentNumber = "4510 123456",
                documentIssuedOn = "2012-05-04",
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        if (topUp > 0)
        {
            await TopUpAsync(app, number, topUp);
        }
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        var tariff = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("tariffs")[tariffIndex];
        return new TestSubscriber(member, number, tariff.GetProperty("id").GetGuid(), tariff.GetProperty("price").GetDecimal());
    }

    public static async Task TopUpAsync(TradehallApp app, string number, decimal amount)
    {
        var response = await PaymentsApiTests.GatewayAsync(app, new { paymentId = Guid.NewGuid().ToString("N"), accountNumber = number, amount, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> OrderAsync(HttpClient client, Guid tariffId, string? key = null, bool autoRenew = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services") { Content = JsonContent.Create(new { tariffId, autoRenew }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>Orders the first tariff of a catalogue kind (analytics, marketplace, price-review) with auto-renewal.</summary>
    public static async Task<(Guid Id, decimal Price)> OrderFirstAsync(TradehallApp app, TestMember member, string kind = "analytics")
    {
        using var client = app.Api(member.Token);
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        var tariff = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("tariffs")[0];
        var response = await OrderAsync(client, tariff.GetProperty("id").GetGuid());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return ((await response.JsonAsync()).GetProperty("id").GetGuid(), tariff.GetProperty("price").GetDecimal());
    }

    public static async Task<decimal> BalanceAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal();
}

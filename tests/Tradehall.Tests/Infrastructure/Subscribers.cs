using System.Net.Http.Json;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Infrastructure;

/// <summary>Subscribers as the API makes them: a member with legal data, topped up through the signed gateway callback.</summary>
public static class Subscribers
{
    public static async Task<(TestMember Member, string Number)> CreateAsync(TradehallApp app)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
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
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        return (member, number);
    }

    /// <summary>A gateway payment, booked at the app clock's current instant.</summary>
    public static async Task TopUpAsync(TradehallApp app, string number, decimal amount)
    {
        var response = await PaymentsApiTests.GatewayAsync(app, new { paymentId = Guid.NewGuid().ToString("N"), accountNumber = number, amount, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Orders the first tariff of a catalogue kind (analytics, marketplace, price-review) with auto-renewal.</summary>
    public static async Task<(Guid Id, decimal Price)> OrderAsync(TradehallApp app, TestMember member, string kind = "analytics")
    {
        using var client = app.Api(member.Token);
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        var tariff = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("tariffs")[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services")
        {
            Content = JsonContent.Create(new { tariffId = tariff.GetProperty("id").GetGuid(), autoRenew = true }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return ((await response.JsonAsync()).GetProperty("id").GetGuid(), tariff.GetProperty("price").GetDecimal());
    }
}

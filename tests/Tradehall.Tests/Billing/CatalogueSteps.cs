namespace Tradehall.Tests.Billing;

/// <summary>What the catalogue and confirmation tests do again and again: an operator's kind and tariff, a funded subscriber, an order.</summary>
internal static class CatalogueSteps
{
    private static int counter;

    public static string NewCode() => $"hosting-{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<string> KindAsync(HttpClient operatorClient, string? code = null)
    {
        code ??= NewCode();
        var response = await operatorClient.PostAsJsonAsync("/api/v1/operator/catalog/kinds", new { code, nameEn = "Web hosting", nameRu = "Веб-хостинг" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    public static async Task<Guid> TariffAsync(HttpClient operatorClient, string kind, decimal price, int months = 1, bool confirmation = false, bool refundable = true)
    {
        var response = await operatorClient.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/tariffs",
            new { name = $"Plan {price}", price, periodMonths = months, refundable, confirmationRequired = confirmation });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A member with complete legal data and <paramref name="topUp"/> on the balance.</summary>
    public static async Task<(TestMember Member, HttpClient Client)> SubscriberAsync(TradehallApp app, decimal topUp)
    {
        var subscriber = await Subscribers.CreateAsync(app, topUp);
        return (subscriber.Member, app.Api(subscriber.Member.Token));
    }

    public static Task<HttpResponseMessage> OrderAsync(HttpClient client, Guid tariffId) => Subscribers.OrderAsync(client, tariffId);

    public static Task<decimal> BalanceAsync(HttpClient client) => Subscribers.BalanceAsync(client);

    public static async Task<JsonElement?> CatalogTariffAsync(HttpClient client, string kind, Guid tariffId)
    {
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        foreach (var k in catalog.EnumerateArray().Where(k => k.GetProperty("kind").GetString() == kind))
        {
            foreach (var t in k.GetProperty("tariffs").EnumerateArray().Where(t => t.GetProperty("id").GetGuid() == tariffId))
            {
                return t;
            }
        }
        return null;
    }

    public static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }
}

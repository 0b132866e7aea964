using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Tests.Marketplace;

/// <summary>Posting listings and making marketplace subscribers through the public API.</summary>
public static class ListingSteps
{
    /// <summary>Gateway payments are accepted, so marketplace subscribers can be made.</summary>
    public sealed class App : TradehallApp
    {
        public App() => Settings["Billing:Gateway:Secret"] = Billing.PaymentsApiTests.Secret;
    }

    /// <summary>A fresh bearer token, for members whose first one ran out while the clock moved on.</summary>
    public static async Task<TestMember> SignInAgainAsync(TradehallApp app, TestMember member)
    {
        using var client = app.Api();
        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { email = member.Email, password = member.Password, name = "again" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return member with { Token = (await response.JsonAsync()).GetProperty("token").GetString()! };
    }

    /// <summary>"Boards" in the seeded taxonomy, a leaf under sawn timber.</summary>
    public static async Task<int> CategoryAsync(TradehallApp app, string code = "boards")
    {
        using var client = app.Api();
        var tree = await (await client.GetAsync("/api/v1/categories")).JsonAsync();
        var stack = new Stack<System.Text.Json.JsonElement>(tree.EnumerateArray());
        while (stack.TryPop(out var node))
        {
            if (node.GetProperty("code").GetString() == code)
            {
                return node.GetProperty("id").GetInt32();
            }
            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                stack.Push(child);
            }
        }
        throw new InvalidOperationException($"No category {code}.");
    }

    public static Dictionary<string, object?> Body(int categoryId, string title = "Spruce boards 50x150, grade A") => new()
    {
        ["type"] = "offer",
        ["title"] = title,
        ["description"] = "Kiln-dried **spruce** boards, 6 m long. See [our yard](https://example.com/yard).",
        ["categoryId"] = categoryId,
        ["price"] = 18500.50m,
        ["currency"] = "RUB",
        ["unit"] = "m3",
        ["quantity"] = 120.5m,
        ["country"] = "RU",
        ["region"] = "Arkhangelsk oblast",
    };

    public static async Task<HttpResponseMessage> PostAsync(TradehallApp app, TestMember member, Dictionary<string, object?> body)
    {
        using var client = app.Api(member.Token);
        return await client.PostAsJsonAsync("/api/v1/listings", body);
    }

    public static async Task<Guid> PostedAsync(TradehallApp app, TestMember member, string title = "Spruce boards 50x150, grade A")
    {
        var response = await PostAsync(app, member, Body(await CategoryAsync(app), title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A member with an active marketplace subscription (MKT-05).</summary>
    public static async Task<TestMember> SubscriberAsync(TradehallApp app)
    {
        var subscriber = await Subscribers.CreateAsync(app, 10_000m, kind: "marketplace");
        using var client = app.Api(subscriber.Member.Token);
        var ordered = await Subscribers.OrderAsync(client, subscriber.Tariff);
        Assert.True(ordered.IsSuccessStatusCode, await ordered.Content.ReadAsStringAsync());
        return subscriber.Member;
    }

    /// <summary>One round of the expiry job, as the worker runs it.</summary>
    public static async Task RunExpiryAsync(TradehallApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ListingExpiry>().RunAsync(CancellationToken.None);
    }
}

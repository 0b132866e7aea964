using System.Globalization;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-20: a voluntary pause, through <c>POST /api/v1/billing/services/{id}/pause</c> and <c>.../resume</c>.</summary>
public sealed class PauseTests
{
    /// <summary>The analytics tariff's price at the default pause tariff (10 %).</summary>
    private static decimal Paused(decimal price) => Math.Floor(price * 10m) / 100m;

    private static async Task<(TestSubscriber S, HttpClient Client, Guid Service)> SubscribedAsync(CreditApp app, decimal periods)
    {
        var s = await Subscribers.CreateAsync(app, 0m);
        var client = app.Api(s.Member.Token);
        await Subscribers.TopUpAsync(app, s.Number, s.Price * periods);
        var ordered = await Subscribers.OrderAsync(client, s.Tariff);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        return (s, client, (await ordered.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, Guid service, string verb, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/services/{service}/{verb}");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, Guid service, string verb, string? key = null)
    {
        var response = await CallAsync(client, service, verb, key);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.Equal(service, body.GetProperty("id").GetGuid());
        return body;
    }

    private static async Task<JsonElement> ServiceAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[0];

    private static DateOnly Day(JsonElement service, string property) =>
        DateOnly.Parse(service.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static async Task<bool> EntitledAsync(CreditApp app, Guid memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Entitlements>().HasActiveAsync(memberId, "analytics", CancellationToken.None);
    }

    [Fact]
    public async Task BIL20_a_paused_service_is_not_provided_and_renews_at_the_pause_tariff()
    {
        using var app = new CreditApp(new DateOnly(2026, 1, 31));
        var (s, client, service) = await SubscribedAsync(app, 2);
        var key = Guid.NewGuid().ToString();
        Assert.Equal("paused", (await OkAsync(client, service, "pause", key)).GetProperty("status").GetString());
        Assert.Equal("paused", (await OkAsync(client, service, "pause", key)).GetProperty("status").GetString());
        Assert.False(await EntitledAsync(app, s.Member.Id));
        // Pausing returns nothing of the period running: it was paid for.
        Assert.Equal(s.Price, await Subscribers.BalanceAsync(client));
        var forecast = await (await client.GetAsync("/api/v1/billing/forecast")).JsonAsync();
        Assert.Equal(Paused(s.Price), forecast.GetProperty("monthlySpend").GetDecimal());

        await CreditSteps.RunAsync(app, new DateOnly(2026, 2, 28));
        var renewed = await ServiceAsync(client);
        Assert.Equal("paused", renewed.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2026, 3, 31), Day(renewed, "periodEnd"));
        Assert.True(renewed.GetProperty("paidAtPausePrice").GetBoolean());
        Assert.Equal(s.Price - Paused(s.Price), await Subscribers.BalanceAsync(client));
        var lines = await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync();
        Assert.Contains(lines.EnumerateArray(), l => l.GetProperty("kind").GetString() == "renewal" && l.GetProperty("description").GetString()!.Contains("paused", StringComparison.Ordinal));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL20_resuming_within_a_period_paid_in_full_costs_nothing()
    {
        using var app = new CreditApp(new DateOnly(2026, 3, 10));
        var (s, client, service) = await SubscribedAsync(app, 1);
        await OkAsync(client, service, "pause");
        app.Clock.SetUtcNow(CreditSteps.At(new DateOnly(2026, 3, 20)));
        var resumed = await OkAsync(client, service, "resume");
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2026, 4, 10), Day(resumed, "periodEnd"));
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        Assert.True(await EntitledAsync(app, s.Member.Id));
        // Resuming what runs already changes nothing.
        Assert.Equal("active", (await OkAsync(client, service, "resume")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BIL20_resuming_within_a_period_paid_at_the_pause_tariff_starts_a_full_period_that_day_once()
    {
        using var app = new CreditApp(new DateOnly(2026, 1, 31));
        var (s, client, service) = await SubscribedAsync(app, 3);
        await OkAsync(client, service, "pause");
        await CreditSteps.RunAsync(app, new DateOnly(2026, 2, 28));
        var before = await Subscribers.BalanceAsync(client);

        app.Clock.SetUtcNow(CreditSteps.At(new DateOnly(2026, 3, 15)));
        var key = Guid.NewGuid().ToString();
        var resumed = await OkAsync(client, service, "resume", key);
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2026, 3, 15), Day(resumed, "periodStart"));
        Assert.Equal(new DateOnly(2026, 4, 15), Day(resumed, "periodEnd"));
        Assert.Equal(before - s.Price, await Subscribers.BalanceAsync(client));
        await OkAsync(client, service, "resume", key);
        await OkAsync(client, service, "resume");
        Assert.Equal(before - s.Price, await Subscribers.BalanceAsync(client));

        // The next renewal counts from the day of resumption, at the full price.
        await CreditSteps.RunAsync(app, new DateOnly(2026, 3, 31));
        Assert.Equal(before - s.Price, await Subscribers.BalanceAsync(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL20_resuming_without_the_money_answers_402_and_leaves_the_service_paused()
    {
        using var app = new CreditApp(new DateOnly(2026, 5, 5));
        var (s, client, service) = await SubscribedAsync(app, 1);
        await Subscribers.TopUpAsync(app, s.Number, Paused(s.Price));
        await OkAsync(client, service, "pause");
        await CreditSteps.RunAsync(app, new DateOnly(2026, 6, 5));
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));

        app.Clock.SetUtcNow(CreditSteps.At(new DateOnly(2026, 6, 10)));
        var refused = await CallAsync(client, service, "resume");
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal("paused", (await ServiceAsync(client)).GetProperty("status").GetString());
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL20_a_paused_service_whose_pause_tariff_is_not_covered_is_suspended_at_the_renewal()
    {
        using var app = new CreditApp(new DateOnly(2026, 7, 1));
        var (_, client, service) = await SubscribedAsync(app, 1);
        await OkAsync(client, service, "pause");
        await CreditSteps.RunAsync(app, new DateOnly(2026, 8, 1));
        var suspended = await ServiceAsync(client);
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, suspended.GetProperty("pausedOn").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await CallAsync(client, service, "pause")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CallAsync(client, service, "resume")).StatusCode);
    }

    [Fact]
    public async Task BIL20_only_the_owner_pauses_and_a_request_without_a_key_is_refused()
    {
        using var app = new CreditApp(new DateOnly(2026, 9, 1));
        var (_, client, service) = await SubscribedAsync(app, 1);
        var other = await Members.RegisterAsync(app);
        using var stranger = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(stranger, service, "pause")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(client, Guid.NewGuid(), "pause")).StatusCode);
        using var keyless = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/services/{service}/pause");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(keyless)).StatusCode);
        Assert.Equal("active", (await ServiceAsync(client)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BIL20_two_racing_resumes_charge_the_new_period_once()
    {
        using var app = new CreditApp(new DateOnly(2026, 1, 10));
        var (s, client, service) = await SubscribedAsync(app, 4);
        await OkAsync(client, service, "pause");
        await CreditSteps.RunAsync(app, new DateOnly(2026, 2, 10));
        var before = await Subscribers.BalanceAsync(client);
        app.Clock.SetUtcNow(CreditSteps.At(new DateOnly(2026, 2, 20)));
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CallAsync(client, service, "resume")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(before - s.Price, await Subscribers.BalanceAsync(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }
}

using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Data;
using static Tradehall.Tests.Billing.CatalogueSteps;

namespace Tradehall.Tests.Billing;

public sealed class ServiceConfirmationTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private async Task<(HttpClient Ops, TestMember Member, HttpClient Client, Guid Service)> AwaitingAsync(decimal price, int months = 1)
    {
        var ops = app.Api(await Operators.TokenAsync(app));
        var tariff = await TariffAsync(ops, await KindAsync(ops), price, months, confirmation: true);
        var (member, client) = await SubscriberAsync(app, price);
        var order = await OrderAsync(client, tariff);
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        var service = await order.JsonAsync();
        Assert.Equal("awaitingConfirmation", service.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, service.GetProperty("periodStart").ValueKind);
        Assert.Equal(0m, await BalanceAsync(client));
        return (ops, member, client, service.GetProperty("id").GetGuid());
    }

    private static async Task<HttpResponseMessage> RejectAsync(HttpClient ops, Guid service, string? reason, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/services/{service}/reject") { Content = JsonContent.Create(new { reason }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await ops.SendAsync(request);
    }

    private async Task<IReadOnlyList<string>> LedgerProblemsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await LedgerVerification.ProblemsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task BIL07_a_confirmed_service_starts_its_first_period_on_the_confirmation_day()
    {
        var (ops, member, client, service) = await AwaitingAsync(300m, months: 3);
        using var _ = ops;
        using var __ = client;
        var awaiting = await (await ops.GetAsync("/api/v1/operator/services/awaiting")).JsonAsync();
        var row = awaiting.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == service);
        Assert.Equal(member.Email, row.GetProperty("memberEmail").GetString());
        Assert.Equal(300m, row.GetProperty("price").GetDecimal());

        app.Clock.Advance(TimeSpan.FromDays(2));
        var today = Today;
        var confirmed = await ops.PostAsync($"/api/v1/operator/services/{service}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await confirmed.JsonAsync();
        Assert.Equal("active", view.GetProperty("status").GetString());
        Assert.Equal(Iso(today), view.GetProperty("periodStart").GetString());
        Assert.Equal(Iso(today.AddMonths(3)), view.GetProperty("periodEnd").GetString());
        var mine = await (await client.GetAsync("/api/v1/billing/services")).JsonAsync();
        Assert.Equal("active", mine.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == service).GetProperty("status").GetString());
        await app.Mail.NextAsync(member.Email, "Your order is confirmed");

        Assert.Equal(HttpStatusCode.Conflict, (await ops.PostAsync($"/api/v1/operator/services/{service}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RejectAsync(ops, service, "Too late to decline", Guid.NewGuid().ToString())).StatusCode);
        Assert.DoesNotContain((await (await ops.GetAsync("/api/v1/operator/services/awaiting")).JsonAsync()).EnumerateArray(), s => s.GetProperty("id").GetGuid() == service);
        Assert.Equal(0m, await BalanceAsync(client));
    }

    [Fact]
    public async Task BIL07_a_declined_service_stops_and_its_first_period_is_returned_in_full_once()
    {
        var (ops, member, client, service) = await AwaitingAsync(450.25m);
        using var _ = ops;
        using var __ = client;
        Assert.Equal(["idempotencyKey"], await ErrorFieldsAsync(await RejectAsync(ops, service, "No capacity in this region", null)));
        Assert.Equal(["reason"], await ErrorFieldsAsync(await RejectAsync(ops, service, "", Guid.NewGuid().ToString())));

        var key = Guid.NewGuid().ToString();
        var rejected = await RejectAsync(ops, service, "No capacity in this region", key);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var result = await rejected.JsonAsync();
        Assert.Equal(450.25m, result.GetProperty("refunded").GetDecimal());
        Assert.Equal("stopped", result.GetProperty("service").GetProperty("status").GetString());
        Assert.Equal(450.25m, await BalanceAsync(client));

        var replay = await RejectAsync(ops, service, "No capacity in this region", key);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(450.25m, await BalanceAsync(client));
        Assert.Equal(HttpStatusCode.Conflict, (await RejectAsync(ops, service, "No capacity in this region", Guid.NewGuid().ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ops.PostAsync($"/api/v1/operator/services/{service}/confirm", null)).StatusCode);
        Assert.Equal(450.25m, await BalanceAsync(client));
        Assert.Empty(await LedgerProblemsAsync());

        var body = (await app.Mail.NextAsync(member.Email, "Your order was declined")).Body;
        Assert.Contains("No capacity in this region", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BIL07_two_operators_declining_at_once_return_the_money_once()
    {
        var (ops, _, client, service) = await AwaitingAsync(60m);
        using var _ = ops;
        using var __ = client;
        using var other = app.Api(await Operators.TokenAsync(app));
        var answers = await Task.WhenAll(
            RejectAsync(ops, service, "Declined by the first operator", Guid.NewGuid().ToString()),
            RejectAsync(other, service, "Declined by the second operator", Guid.NewGuid().ToString()));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order().ToArray());
        Assert.Equal(60m, await BalanceAsync(client));
        Assert.Empty(await LedgerProblemsAsync());
    }

    [Fact]
    public async Task BIL07_declining_returns_what_the_order_charged_even_after_a_price_change()
    {
        var (ops, _, client, service) = await AwaitingAsync(100m);
        using var __ = ops;
        using var ___ = client;
        var tariff = (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == service).GetProperty("tariffId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{tariff}", new { price = 180m })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(11));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.Billing.Catalog.ServiceCatalog>().ApplyDuePricesAsync(CancellationToken.None);
        }
        var result = await (await RejectAsync(ops, service, "Declined after the price change", Guid.NewGuid().ToString())).JsonAsync();
        Assert.Equal(100m, result.GetProperty("refunded").GetDecimal());
        Assert.Equal(100m, await BalanceAsync(client));
        Assert.Empty(await LedgerProblemsAsync());
    }
}

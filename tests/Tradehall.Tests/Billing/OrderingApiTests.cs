using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Tests.Billing;

public sealed class OrderingApiTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<(TestMember Member, string Number, Guid Tariff, decimal Price)> SubscriberAsync(decimal topUp, bool legal = true)
    {
        var s = await Subscribers.CreateAsync(app, topUp, legal);
        return (s.Member, s.Number, s.Tariff, s.Price);
    }

    private static Task<HttpResponseMessage> Order(HttpClient client, Guid tariffId, string? key = null) => Subscribers.OrderAsync(client, tariffId, key);

    private static Task<decimal> Balance(HttpClient client) => Subscribers.BalanceAsync(client);

    [Fact]
    public async Task BIL07_ordering_charges_the_first_period_in_advance_and_grants_the_entitlement()
    {
        var (member, _, tariff, price) = await SubscriberAsync(5000m);
        using var client = app.Api(member.Token);
        var response = await Order(client, tariff);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var service = await response.JsonAsync();
        Assert.Equal("active", service.GetProperty("status").GetString());
        var start = DateOnly.Parse(service.GetProperty("periodStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start.AddMonths(1), DateOnly.Parse(service.GetProperty("periodEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5000m - price, await Balance(client));
        Assert.True(await app.WithDb(db => new Entitlements(db).HasActiveAsync(member.Id, "analytics", CancellationToken.None)));
        var listed = await (await client.GetAsync("/api/v1/billing/services")).JsonAsync();
        Assert.Equal(1, listed.GetArrayLength());
    }

    [Fact]
    public async Task BIL07_without_funds_the_order_answers_402_and_changes_nothing()
    {
        var (member, _, tariff, price) = await SubscriberAsync(10m);
        Assert.True(price > 10m);
        using var client = app.Api(member.Token);
        var response = await Order(client, tariff);
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("billing.insufficient_balance", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(10m, await Balance(client));
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task BIL07_ordering_without_legal_data_is_refused()
    {
        var (member, _, tariff, _) = await SubscriberAsync(5000m, legal: false);
        using var client = app.Api(member.Token);
        var response = await Order(client, tariff);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("billing.legal_data_required", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(5000m, await Balance(client));
    }

    [Fact]
    public async Task BIL23_a_replayed_order_returns_the_first_answer_and_charges_once()
    {
        var (member, _, tariff, price) = await SubscriberAsync(5000m);
        using var client = app.Api(member.Token);
        var key = Guid.NewGuid().ToString();
        var first = await Order(client, tariff, key);
        var again = await Order(client, tariff, key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(5000m - price, await Balance(client));
    }

    [Fact]
    public async Task BIL07_unknown_tariff_is_refused_naming_the_field()
    {
        var (member, _, _, _) = await SubscriberAsync(0m);
        using var client = app.Api(member.Token);
        var response = await Order(client, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("tariffId", out _));
    }

    [Fact]
    public async Task BIL02_parallel_orders_never_overspend_the_balance()
    {
        // A kind of the operator's (hosting), which one member may hold several times: only the balance limits the orders.
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var tariff = await CatalogueSteps.TariffAsync(operatorClient, await CatalogueSteps.KindAsync(operatorClient), 100m);
        var (member, client) = await CatalogueSteps.SubscriberAsync(app, 0m);
        using var _ = client;
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        // Enough for exactly three periods.
        await PaymentsApiTests.GatewayAsync(app, new { paymentId = Guid.NewGuid().ToString("N"), accountNumber = number, amount = 300m, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" });
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Order(client, tariff)));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.PaymentRequired));
        Assert.Equal(0m, await Balance(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
        Assert.Equal(3, await app.WithDb(db => db.Set<SubscribedService>().CountAsync(s => s.MemberId == member.Id)));
    }
}

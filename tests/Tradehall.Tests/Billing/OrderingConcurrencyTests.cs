using Microsoft.AspNetCore.Http;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-07, BIL-23: one charge per Idempotency-Key and one built-in subscription per kind, however the orders race.</summary>
public sealed class OrderingConcurrencyTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<int> ServicesAsync(Guid memberId) =>
        await app.WithDb(db => db.Set<SubscribedService>().CountAsync(s => s.MemberId == memberId));

    [Fact]
    public async Task BIL23_six_parallel_orders_with_one_key_charge_once_and_all_answer_the_first_answer_or_409()
    {
        var s = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, s.Number, s.Price * 1.5m);
        using var client = app.Api(s.Member.Token);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Subscribers.OrderAsync(client, s.Tariff, key)));

        var stored = await app.WithDb(db => db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.Key == key));
        Assert.Equal(StatusCodes.Status201Created, stored.Status);
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal("request.idempotency_in_progress", (await response.JsonAsync()).GetProperty("code").GetString());
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
            Assert.Equal(stored.ResponseJson, body);
        }
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(s.Price * 0.5m, await Subscribers.BalanceAsync(client));
        Assert.Equal(1, await ServicesAsync(s.Member.Id));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL07_two_parallel_orders_of_one_built_in_kind_give_one_201_and_one_409()
    {
        var s = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, s.Number, s.Price * 3);
        using var client = app.Api(s.Member.Token);

        var responses = await Task.WhenAll(Subscribers.OrderAsync(client, s.Tariff), Subscribers.OrderAsync(client, s.Tariff));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("billing.already_subscribed", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(s.Price * 2, await Subscribers.BalanceAsync(client));
        Assert.Equal(1, await ServicesAsync(s.Member.Id));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL07_a_second_order_of_a_held_built_in_kind_is_refused_with_409_and_charges_nothing()
    {
        var s = await Subscribers.CreateAsync(app, 0m, kind: "marketplace");
        await Subscribers.TopUpAsync(app, s.Number, s.Price * 3);
        using var client = app.Api(s.Member.Token);
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);

        var second = await Subscribers.OrderAsync(client, s.Tariff);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.StartsWith("application/problem+json", second.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("billing.already_subscribed", (await second.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(s.Price * 2, await Subscribers.BalanceAsync(client));
        Assert.Equal(1, await ServicesAsync(s.Member.Id));
    }

    [Fact]
    public async Task BIL07_operator_defined_kinds_may_be_held_several_times()
    {
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var kind = await CatalogueSteps.KindAsync(operatorClient);
        var tariff = await CatalogueSteps.TariffAsync(operatorClient, kind, 100m);
        var (member, client) = await CatalogueSteps.SubscriberAsync(app, 300m);
        using var _ = client;

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Subscribers.OrderAsync(client, tariff)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(100m, await Subscribers.BalanceAsync(client));
        Assert.Equal(2, await ServicesAsync(member.Id));
    }

    [PostgresFact("the wait is bounded on PostgreSQL; SQLite runs writers one at a time and never sees another in flight")]
    public async Task BIL23_a_call_whose_key_is_held_by_a_call_in_flight_answers_409_in_progress()
    {
        using var quick = new TradehallApp { Settings = { ["Billing:Gateway:Secret"] = PaymentsApiTests.Secret, ["Billing:IdempotencyWait"] = "00:00:00.300" } };
        var s = await Subscribers.CreateAsync(quick, 0m);
        await Subscribers.TopUpAsync(quick, s.Number, s.Price);
        using var client = quick.Api(s.Member.Token);
        var key = Guid.NewGuid().ToString();
        // Another node's call with this key, still running: its claim is inserted but not committed.
        await using var other = new Npgsql.NpgsqlConnection(quick.Database.ConnectionString);
        await other.OpenAsync();
        await using var inFlight = await other.BeginTransactionAsync();
        await using (var claim = new Npgsql.NpgsqlCommand(
            "INSERT INTO billing_idempotency_keys (\"Scope\", \"Key\", \"RequestHash\", \"Status\", \"ResponseJson\", \"CreatedAt\") VALUES (@scope, @key, '', 0, '', now())",
            other, inFlight))
        {
            claim.Parameters.AddWithValue("scope", $"member:{s.Member.Id}");
            claim.Parameters.AddWithValue("key", key);
            await claim.ExecuteNonQueryAsync();
        }

        var busy = await Subscribers.OrderAsync(client, s.Tariff, key);
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("request.idempotency_in_progress", (await busy.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(s.Price, await Subscribers.BalanceAsync(client));

        // The other call died: its claim went with its transaction, and the key works.
        await inFlight.RollbackAsync();
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff, key)).StatusCode);
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
    }
}

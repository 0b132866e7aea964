using System.Security.Cryptography;
using System.Text;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Tests.Billing;

public sealed class PaymentsApiTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    public const string Secret = "test-gateway-secret-0123456789";

    public sealed class App : TradehallApp
    {
        public App() => Settings["Billing:Gateway:Secret"] = Secret;
    }

    private Task<(TestMember Member, string Number)> SubscriberAsync() => SubscriberAsync(app);

    private Task<decimal> BalanceAsync(TestMember member) => BalanceAsync(app, member);

    /// <summary>A registered member and the number of their personal account.</summary>
    public static async Task<(TestMember Member, string Number)> SubscriberAsync(TradehallApp app)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var account = await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
        return (member, account.GetProperty("number").GetString()!);
    }

    public static async Task<decimal> BalanceAsync(TradehallApp app, TestMember member)
    {
        using var client = app.Api(member.Token);
        return (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal();
    }

    public static Task<HttpResponseMessage> GatewayAsync(TradehallApp app, object payment, string secret = Secret, string? signature = null) =>
        GatewayBodyAsync(app, JsonSerializer.Serialize(payment), secret, signature);

    /// <summary>A gateway callback with exactly this body, signed with <paramref name="secret"/> unless a signature is given.</summary>
    public static async Task<HttpResponseMessage> GatewayBodyAsync(TradehallApp app, string body, string secret = Secret, string? signature = null)
    {
        var hmac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/gateway") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature", signature ?? "sha256=" + hmac);
        using var client = app.Api();
        return await client.SendAsync(request);
    }

    private static object Payment(string number, decimal amount, string? id = null, string currency = "RUB") =>
        new { paymentId = id ?? Guid.NewGuid().ToString("N"), accountNumber = number, amount, currency, paidAt = "2026-03-02T09:00:00Z" };

    [Fact]
    public async Task BIL01_registration_opens_a_personal_account_with_a_checked_number_and_zero_balance()
    {
        var (member, number) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var raw = await (await client.GetAsync("/api/v1/billing/account")).Content.ReadAsStringAsync();
        var account = JsonDocument.Parse(raw).RootElement;
        Assert.True(BillingAccounts.IsValidNumber(number), number);
        Assert.Contains("\"balance\":0.00", raw, StringComparison.Ordinal);
        Assert.Equal("RUB", account.GetProperty("currency").GetString());
        Assert.Equal("active", account.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, account.GetProperty("contractNumber").ValueKind);
    }

    [Fact]
    public async Task BIL03_signed_gateway_payment_is_credited_once_however_often_it_is_replayed()
    {
        var (member, number) = await SubscriberAsync();
        var payment = Payment(number, 1500.50m, "pay-" + Guid.NewGuid().ToString("N"));
        var first = await GatewayAsync(app, payment);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GatewayAsync(app, payment)).StatusCode);
        }
        Assert.Equal(1500.50m, await BalanceAsync(member));
        using var client = app.Api(member.Token);
        var lines = await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync();
        Assert.Equal(1, lines.GetArrayLength());
        Assert.Equal(1500.50m, lines[0].GetProperty("amount").GetDecimal());
        Assert.Equal(1500.50m, lines[0].GetProperty("balanceAfter").GetDecimal());
        Assert.Equal("topup.gateway", lines[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task BIL04_first_top_up_starts_the_contract()
    {
        var (member, number) = await SubscriberAsync();
        await GatewayAsync(app, Payment(number, 100m));
        using var client = app.Api(member.Token);
        var account = await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
        Assert.Equal("TH-" + number, account.GetProperty("contractNumber").GetString());
        await GatewayAsync(app, Payment(number, 100m));
        Assert.Equal("TH-" + number, (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("contractNumber").GetString());
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(Secret, "sha256=00")]
    [InlineData(Secret, "md5=abc")]
    [InlineData(Secret, "")]
    public async Task SEC10_forged_or_missing_signature_is_401_and_credits_nothing(string secret, string? signature)
    {
        var (member, number) = await SubscriberAsync();
        var response = await GatewayAsync(app, Payment(number, 500m), secret, signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0m, await BalanceAsync(member));
    }

    [Theory]
    [InlineData(10.005, "RUB", "amount")]
    [InlineData(0, "RUB", "amount")]
    [InlineData(-5, "RUB", "amount")]
    [InlineData(100, "XYZ", "currency")]
    [InlineData(100, "USD", "currency")]
    public async Task BIL03_bad_amount_or_currency_is_refused_naming_the_field(double amount, string currency, string field)
    {
        var (member, number) = await SubscriberAsync();
        var response = await GatewayAsync(app, Payment(number, (decimal)amount, currency: currency));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0m, await BalanceAsync(member));
    }

    [Fact]
    public async Task BIL03_payment_for_an_unknown_account_is_refused()
    {
        var response = await GatewayAsync(app, Payment("000000000", 100m));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("accountNumber", out _));
    }

    [Fact]
    public async Task BIL03_operator_credit_with_a_reason_is_applied_once_per_idempotency_key()
    {
        var (member, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        async Task<HttpResponseMessage> Credit(string key, decimal amount)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/accounts/{number}/credits")
            {
                Content = JsonContent.Create(new { amount, reason = "Compensation for the outage of 2 March" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await operatorClient.SendAsync(request);
        }
        var key = Guid.NewGuid().ToString();
        var first = await Credit(key, 250m);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await Credit(key, 250m);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(250m, await BalanceAsync(member));

        var reused = await Credit(key, 999m);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("request.idempotency_key_reused", (await reused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(250m, await BalanceAsync(member));
    }

    [Fact]
    public async Task BIL23_money_call_without_an_idempotency_key_is_refused()
    {
        var (_, number) = await SubscriberAsync();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var response = await operatorClient.PostAsJsonAsync($"/api/v1/operator/accounts/{number}/credits", new { amount = 10m, reason = "No key given" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("idempotencyKey", out _));
    }

    [Fact]
    public async Task SEC05_a_member_cannot_credit_money()
    {
        var (member, number) = await SubscriberAsync();
        using var client = app.Api(member.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/accounts/{number}/credits") { Content = JsonContent.Create(new { amount = 1000m, reason = "Self-service" }) };
        request.Headers.Add("Idempotency-Key", "k1");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(0m, await BalanceAsync(member));
    }

    [Fact]
    public async Task BIL02_parallel_payments_on_one_account_lose_no_update_and_the_ledger_balances()
    {
        var (member, number) = await SubscriberAsync();
        var distinct = Enumerable.Range(1, 20).Select(i => Payment(number, i)).ToList();
        var same = Payment(number, 1000m, "same-" + Guid.NewGuid().ToString("N"));
        var responses = await Task.WhenAll(distinct.Select(p => GatewayAsync(app, p)).Concat(Enumerable.Range(0, 10).Select(_ => GatewayAsync(app, same))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, 20).Sum() + 1000m, await BalanceAsync(member));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL02_verification_catches_a_balance_changed_behind_the_ledgers_back()
    {
        using var own = new App();
        var member = await Members.RegisterAsync(own);
        using var client = own.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        await GatewayAsync(own, Payment(number, 100m));
        Assert.Empty(await own.WithDb(db => LedgerVerification.ProblemsAsync(db)));
        await own.WithDb(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(db.Database,
            $"UPDATE billing_ledger_accounts SET \"Balance\" = \"Balance\" + 100000 WHERE \"Code\" = {"subscriber:" + number}"));
        var problems = await own.WithDb(db => LedgerVerification.ProblemsAsync(db));
        Assert.Contains(problems, p => p.Contains("subscriber:" + number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BIL06_catalogue_lists_the_built_in_subscriptions_with_prices()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var raw = await (await client.GetAsync("/api/v1/billing/catalog")).Content.ReadAsStringAsync();
        var catalog = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(["analytics", "marketplace", "price-review"], catalog.EnumerateArray().Select(k => k.GetProperty("kind").GetString()).Order());
        var tariff = catalog.EnumerateArray().First().GetProperty("tariffs")[0];
        Assert.Equal("P1M", tariff.GetProperty("period").GetString());
        Assert.True(tariff.GetProperty("price").GetDecimal() > 0);
        Assert.Contains(".00", raw, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Tradehall.Core.Archive;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Tests.Analytics;
using Tradehall.Tests.Legal;
using static Tradehall.Tests.Billing.CreditSteps;

namespace Tradehall.Tests.Billing;

/// <summary>
/// BIL-19, KYC-03: a non-resident's payments total 49,000 USD at most, converted at the rate of the day they registered;
/// a payment over the cap is held in the suspense queue, one landing on it is credited and ends the contract.
/// </summary>
public sealed class NonResidentCapTests
{
    private static readonly DateOnly Registered = new(2026, 3, 2);

    /// <summary>At 100 RUB per USD the cap of 49,000 USD is 4,900,000.00 RUB.</summary>
    private const decimal Cap = 4_900_000m;

    private static async Task<(TestMember Member, string Number, HttpClient Client)> NonResidentAsync(TradehallApp app, bool resident = false)
    {
        var member = await Members.RegisterAsync(app);
        var client = app.Api(member.Token);
        var legal = LegalDataApiTests.Individual();
        legal["resident"] = resident;
        legal["email"] = member.Email;
        var saved = await client.PutAsJsonAsync("/api/v1/me/legal", legal);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        return (member, number, client);
    }

    private static async Task<JsonElement> PayAsync(TradehallApp app, string number, decimal amount, string? id = null)
    {
        var response = await PaymentsApiTests.GatewayAsync(app, new { paymentId = id ?? Guid.NewGuid().ToString("N"), accountNumber = number, amount, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> CapAsync(HttpClient client) => await (await client.GetAsync("/api/v1/billing/cap")).JsonAsync();

    /// <summary>The held payment of this gateway id (its number in the queue) or, without one, the only one held for the account.</summary>
    private static async Task<JsonElement> SuspenseItemAsync(HttpClient operatorClient, string number, string reason, string? paymentId = null) =>
        (await (await operatorClient.GetAsync("/api/v1/operator/suspense")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("accountNumber").GetString() == number && i.GetProperty("reason").GetString() == reason
                && (paymentId is null || i.GetProperty("number").GetString() == paymentId));

    private static async Task<HttpResponseMessage> SendKeyedAsync(HttpClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient operatorClient, TestMember member, string number, string amount)
    {
        var response = await BankStatementTests.UploadAsync(operatorClient, BankStatementTests.Csv(
            BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), amount, BankStatementTests.Purpose(number, member.Email))));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<string> OperatorAsync(TradehallApp app, decimal? usdRate, DateOnly? from = null)
    {
        var token = await Operators.TokenAsync(app);
        if (usdRate is { } rate)
        {
            await AnalyticsSteps.SetRateAsync(app, token, "USD", rate, (from ?? Registered.AddDays(-30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return token;
    }

    /// <summary>A site with the dollar at 100 roubles, its operator, and a subscriber (non-resident unless told) who has paid <paramref name="paid"/>.</summary>
    private sealed class Scene : IDisposable
    {
        public required CreditApp App { get; init; }
        public required HttpClient Operator { get; init; }
        public required TestMember Member { get; init; }
        public required string Number { get; init; }
        public required HttpClient Client { get; init; }

        public static async Task<Scene> StartAsync(decimal paid, bool resident = false)
        {
            var app = new CreditApp(Registered);
            var operatorClient = app.Api(await OperatorAsync(app, 100m));
            var (member, number, client) = await NonResidentAsync(app, resident);
            await PayAsync(app, number, paid);
            return new Scene { App = app, Operator = operatorClient, Member = member, Number = number, Client = client };
        }

        public void Dispose()
        {
            Client.Dispose();
            Operator.Dispose();
            App.Dispose();
        }
    }

    [Fact]
    public async Task BIL19_the_rate_of_the_registration_day_converts_the_cap_even_after_the_rates_change()
    {
        using var app = new CreditApp(Registered);
        var token = await OperatorAsync(app, 100m);
        var (_, number, client) = await NonResidentAsync(app);
        using var _c = client;

        // A month on the dollar is worth half as much; the cap stays 4,900,000.00 RUB.
        app.Clock.AdjustTime(At(Registered.AddMonths(1)));
        await AnalyticsSteps.SetRateAsync(app, token, "USD", 50m, Registered.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var paid = await PayAsync(app, number, 4_000_000m);
        Assert.Equal("credited", paid.GetProperty("status").GetString());
        Assert.Equal(4_000_000m, await Subscribers.BalanceAsync(client));

        var cap = await CapAsync(client);
        Assert.True(cap.GetProperty("applies").GetBoolean());
        Assert.Equal("2026-03-02", cap.GetProperty("registeredOn").GetString());
        Assert.Equal(("USD", 49_000m, 40_000m, 9_000m), (cap.GetProperty("capCurrency").GetString(), cap.GetProperty("cap").GetDecimal(),
            cap.GetProperty("used").GetDecimal(), cap.GetProperty("remaining").GetDecimal()));
        Assert.Equal(("RUB", 100m, Cap, 4_000_000m, 900_000m), (cap.GetProperty("currency").GetString(), cap.GetProperty("rate").GetDecimal(),
            cap.GetProperty("capConverted").GetDecimal(), cap.GetProperty("usedConverted").GetDecimal(), cap.GetProperty("remainingConverted").GetDecimal()));
    }

    [Fact]
    public async Task BIL19_a_payment_crossing_the_cap_is_held_in_suspense_by_every_route_and_the_balance_does_not_move()
    {
        using var scene = await Scene.StartAsync(4_000_000m);
        var (app, operatorClient, member, number, client) = (scene.App, scene.Operator, scene.Member, scene.Number, scene.Client);

        // The gateway took the money: 200, held, the member told; a replay answers the same and holds nothing twice.
        var id = "pay-" + Guid.NewGuid().ToString("N");
        var held = await PayAsync(app, number, 900_000.01m, id);
        Assert.Equal(("held", "nonResidentCap", 4_000_000m), (held.GetProperty("status").GetString(), held.GetProperty("holdReason").GetString(), held.GetProperty("balance").GetDecimal()));
        var replay = await PayAsync(app, number, 900_000.01m, id);
        Assert.True(replay.GetProperty("duplicate").GetBoolean());
        Assert.Equal("held", replay.GetProperty("status").GetString());
        Assert.Equal(4_000_000m, await Subscribers.BalanceAsync(client));
        var notices = await (await client.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("text").GetString() == "Payment held");

        // The bank import holds it too; the operator may neither credit over the cap nor assign the held payment.
        var import = await ImportAsync(operatorClient, member, number, "900000.01");
        Assert.Equal((0, 1), (import.GetProperty("credited").GetInt32(), import.GetProperty("held").GetInt32()));
        var credit = await SendKeyedAsync(operatorClient, $"/api/v1/operator/accounts/{number}/credits", new { amount = 900_000.01m, reason = "Goodwill credit" });
        Assert.Equal((HttpStatusCode.Conflict, "billing.non_resident_cap"), (credit.StatusCode, await CodeAsync(credit)));
        var gatewayHeld = await SuspenseItemAsync(operatorClient, number, "nonResidentCap", id);
        var assign = await SendKeyedAsync(operatorClient, $"/api/v1/operator/suspense/{gatewayHeld.GetProperty("id").GetGuid()}/assign", new { accountNumber = number, reason = "Try it" });
        Assert.Equal((HttpStatusCode.Conflict, "billing.non_resident_cap"), (assign.StatusCode, await CodeAsync(assign)));
        Assert.Equal(4_000_000m, await Subscribers.BalanceAsync(client));
        Assert.Equal("active", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());

        // The operator returns the held gateway payment: it leaves suspense back to the gateway's cash.
        var returned = await SendKeyedAsync(operatorClient, $"/api/v1/operator/suspense/{gatewayHeld.GetProperty("id").GetGuid()}/return", new { reason = "Over the non-resident cap" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("returned", (await PayAsync(app, number, 900_000.01m, id)).GetProperty("status").GetString());
        var gatewayCash = await app.WithDb(async db =>
        {
            var cash = await db.Set<LedgerAccount>().Where(a => a.Code == SystemAccounts.GatewayCash).Select(a => a.Id).SingleAsync();
            return await db.Set<LedgerEntry>().Where(e => e.AccountId == cash).SumAsync(e => e.Amount);
        });
        Assert.Equal(-400_000_000L, gatewayCash);
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL19_a_payment_landing_exactly_on_the_cap_is_credited_and_ends_the_contract()
    {
        using var scene = await Scene.StartAsync(4_000_000m);
        var (app, operatorClient, member, number, client) = (scene.App, scene.Operator, scene.Member, scene.Number, scene.Client);

        var import = await ImportAsync(operatorClient, member, number, "900000.00");
        Assert.Equal(1, import.GetProperty("credited").GetInt32());
        Assert.Equal(Cap, await Subscribers.BalanceAsync(client));
        Assert.Equal("terminated", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("terminated", (await ContractAsync(client)).GetProperty("status").GetString());
        var decision = await app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking().SingleAsync(r => r.Action == "billing.contract_terminated" && r.Subject == $"billing-account:{number}"));
        Assert.Contains("\"nonResidentCap\"", decision.After!, StringComparison.Ordinal);
        var notices = await (await client.GetAsync("/api/v1/notifications")).JsonAsync();
        var ended = notices.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("text").GetString() == "Your contract has ended");
        Assert.Contains("cap for non-residents", ended.GetProperty("excerpt").GetString(), StringComparison.Ordinal);

        // Nothing more comes in: a kopeck over the cap is held.
        Assert.Equal("held", (await PayAsync(app, number, 0.01m)).GetProperty("status").GetString());
        Assert.Equal(0m, (await CapAsync(client)).GetProperty("remaining").GetDecimal());
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL19_residents_and_members_without_legal_data_are_never_capped()
    {
        using var scene = await Scene.StartAsync(4_000_000m, resident: true);
        var (app, operatorClient, number, client) = (scene.App, scene.Operator, scene.Number, scene.Client);
        Assert.Equal("credited", (await PayAsync(app, number, 4_000_000m)).GetProperty("status").GetString());
        var credit = await SendKeyedAsync(operatorClient, $"/api/v1/operator/accounts/{number}/credits", new { amount = 1_000_000m, reason = "Goodwill credit" });
        Assert.Equal(HttpStatusCode.Created, credit.StatusCode);
        Assert.Equal(9_000_000m, await Subscribers.BalanceAsync(client));
        Assert.False((await CapAsync(client)).GetProperty("applies").GetBoolean());
        Assert.Equal("active", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BIL19_without_a_rate_of_the_registration_day_or_before_a_non_residents_payment_is_held()
    {
        using var app = new CreditApp(Registered);
        // A fresh site starts with configured rates; this one has none for the dollar.
        app.Settings["Marketplace:StartingRates:USD"] = "0";
        var token = await OperatorAsync(app, null);
        using var operatorClient = app.Api(token);
        var (_, number, client) = await NonResidentAsync(app);
        using var _c = client;

        var held = await PayAsync(app, number, 100m);
        Assert.Equal(("held", "noExchangeRate"), (held.GetProperty("status").GetString(), held.GetProperty("holdReason").GetString()));
        await SuspenseItemAsync(operatorClient, number, "noExchangeRate");
        var credit = await SendKeyedAsync(operatorClient, $"/api/v1/operator/accounts/{number}/credits", new { amount = 100m, reason = "Goodwill credit" });
        Assert.Equal((HttpStatusCode.Conflict, "billing.non_resident_cap_no_rate"), (credit.StatusCode, await CodeAsync(credit)));

        // A rate set later, from a later day, is not the registration day's: still held.
        app.Clock.AdjustTime(At(Registered.AddDays(1)));
        await AnalyticsSteps.SetRateAsync(app, token, "USD", 100m, Registered.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal("held", (await PayAsync(app, number, 100m)).GetProperty("status").GetString());
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        var cap = await CapAsync(client);
        Assert.Equal(JsonValueKind.Null, cap.GetProperty("remaining").ValueKind);

        // The operator sets the rate of the registration day: the next payment is credited.
        await AnalyticsSteps.SetRateAsync(app, token, "USD", 100m, Registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal("credited", (await PayAsync(app, number, 100m)).GetProperty("status").GetString());
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL19_two_racing_payments_that_together_cross_the_cap_are_not_both_credited()
    {
        using var app = new CreditApp(Registered);
        await OperatorAsync(app, 100m);
        var (_, number, client) = await NonResidentAsync(app);
        using var _c = client;

        for (var round = 0; round < 3; round++)
        {
            var before = await Subscribers.BalanceAsync(client);
            var each = (Cap - before) * 0.6m;
            each = decimal.Round(each, 2);
            var results = await Task.WhenAll(PayAsync(app, number, each), PayAsync(app, number, each));
            Assert.Equal(1, results.Count(r => r.GetProperty("status").GetString() == "credited"));
            Assert.Equal(before + each, await Subscribers.BalanceAsync(client));
        }
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }
}

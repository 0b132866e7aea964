using System.Globalization;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-17: refunds of the balance go only to a payer of the account, are due in 10 business days and are paid once.</summary>
public sealed class RefundTests(RefundTests.App app) : IClassFixture<RefundTests.App>
{
    private const string Bic = "044525225";
    private const string CorrespondentAccount = "30101810400000000225";
    private const string PayerInn = "7707083893";
    private const string PayerName = "ООО \"Лесоторг\"";

    public sealed class App : TradehallApp
    {
        public App()
            : this(DefaultStart)
        {
        }

        internal App(DateTimeOffset start)
        {
            Settings["Billing:BankImport:SettlementAccount"] = BankStatementTests.OperatorAccount;
            Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
            Clock = new(start);
            _ = Server;
        }
    }

    /// <summary>A settlement account of the bank above whose control key holds: the ninth digit is the key.</summary>
    private static string PayerAccount(int serial)
    {
        var body = "40702810" + "0" + serial.ToString("D11", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(d => body[..8] + d.ToString(CultureInfo.InvariantCulture) + body[9..])
            .First(a => LegalChecksums.IsValidSettlementAccount(a, Bic));
    }

    private static int serials;

    /// <summary>A subscriber whose account was paid by bank transfer from <see cref="PayerName"/>'s account.</summary>
    private Task<(TestMember Member, string Account)> PaidByBankAsync(decimal amount) => PaidByBankAsync(app, amount);

    /// <summary>The same on any site whose options name the operator's settlement account (<see cref="App"/>'s).</summary>
    internal static async Task<(TestMember Member, string Account)> PaidByBankAsync(TradehallApp app, decimal amount, TestMember? payee = null, string? operatorToken = null)
    {
        var member = payee ?? await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        var account = PayerAccount(Interlocked.Increment(ref serials));
        using var operatorClient = app.Api(operatorToken ?? await Operators.TokenAsync(app));
        var statement = BankStatementTests.Csv(BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), amount.ToString(CultureInfo.InvariantCulture),
            BankStatementTests.Purpose(number, member.Email), PayerName, PayerInn, account));
        var imported = await (await BankStatementTests.UploadAsync(operatorClient, statement)).JsonAsync();
        Assert.Equal(1, imported.GetProperty("credited").GetInt32());
        return (member, account);
    }

    internal static object Request(decimal amount, string account, string name = PayerName, string inn = PayerInn, string bic = Bic) =>
        new { amount, payerName = name, payerInn = inn, bic, settlementAccount = account, correspondentAccount = CorrespondentAccount };

    internal static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/refunds") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    internal static async Task<HttpResponseMessage> PaidAsync(HttpClient operatorClient, Guid id, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/refunds/{id}/paid");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await operatorClient.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    private async Task LedgerBalancesAsync() => Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));

    [Fact]
    public async Task BIL17_a_refund_goes_only_to_the_payer_whose_details_match_the_payments()
    {
        var (member, account) = await PaidByBankAsync(5000m);
        using var client = app.Api(member.Token);

        await AssertRefusedAsync(await ApplyAsync(client, Request(1000m, account, inn: "7736050003")), "payerInn");
        await AssertRefusedAsync(await ApplyAsync(client, Request(1000m, PayerAccount(900_000 + Interlocked.Increment(ref serials)))), "settlementAccount");
        await AssertRefusedAsync(await ApplyAsync(client, Request(1000m, account, name: "ООО \"Другой\"")), "payerName");
        await AssertRefusedAsync(await ApplyAsync(client, Request(1000m, account[..19] + (account[19] == '0' ? '1' : '0'))), "settlementAccount");
        Assert.Equal(5000m, await Subscribers.BalanceAsync(client));
        Assert.Empty((await (await client.GetAsync("/api/v1/billing/refunds")).JsonAsync()).EnumerateArray());

        // The bank writes the name with other quotes and spacing: still the same payer.
        var created = await ApplyAsync(client, Request(1200.50m, account, name: "ООО  «Лесоторг»"));
        var body = await created.JsonAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("requested", body.GetProperty("status").GetString());
        Assert.Equal(3799.50m, await Subscribers.BalanceAsync(client));
        var listed = (await (await client.GetAsync("/api/v1/billing/refunds")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal(body.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal(1200.50m, listed.GetProperty("amount").GetDecimal());
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL17_more_than_the_balance_is_refused_naming_amount_and_a_replayed_key_applies_once()
    {
        var (member, account) = await PaidByBankAsync(3000m);
        using var client = app.Api(member.Token);

        await AssertRefusedAsync(await ApplyAsync(client, Request(3000.01m, account)), "amount");
        await AssertRefusedAsync(await ApplyAsync(client, Request(0m, account)), "amount");

        var key = Guid.NewGuid().ToString();
        var first = await (await ApplyAsync(client, Request(1000m, account), key)).JsonAsync();
        var replay = await ApplyAsync(client, Request(1000m, account), key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(first.GetProperty("id").GetGuid(), (await replay.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ApplyAsync(client, Request(999m, account), key)).StatusCode);
        Assert.Single((await (await client.GetAsync("/api/v1/billing/refunds")).JsonAsync()).EnumerateArray());
        Assert.Equal(2000m, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL17_two_racing_applications_never_take_more_than_the_balance()
    {
        var (member, account) = await PaidByBankAsync(1000m);
        using var client = app.Api(member.Token);

        var answers = await Task.WhenAll(ApplyAsync(client, Request(700m, account)), ApplyAsync(client, Request(700m, account)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        await AssertRefusedAsync(answers.Single(a => a.StatusCode != HttpStatusCode.Created), "amount");
        Assert.Equal(300m, await Subscribers.BalanceAsync(client));
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL17_the_refund_is_due_in_ten_business_days_of_the_operators_calendar_across_the_new_year_holidays()
    {
        using var late = new App(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero));
        var member = await Members.RegisterAsync(late);
        using var client = late.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        var account = PayerAccount(Interlocked.Increment(ref serials));
        using var operatorClient = late.Api(await Operators.TokenAsync(late));
        var statement = BankStatementTests.Csv(BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), "500", BankStatementTests.Purpose(number, member.Email),
            PayerName, PayerInn, account, date: "2026-12-28"));
        Assert.Equal(HttpStatusCode.OK, (await BankStatementTests.UploadAsync(operatorClient, statement)).StatusCode);

        var created = await (await ApplyAsync(client, Request(500m, account))).JsonAsync();
        // Monday 28 December: 29, 30, 31 December, then 1–8 January are holidays and 9–10 a weekend, then 11–15 and 18, 19 January.
        Assert.Equal("2027-01-19", created.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task BIL17_marking_a_refund_paid_moves_the_money_once_and_a_decided_application_cannot_be_decided_again()
    {
        var (member, account) = await PaidByBankAsync(2000m);
        using var client = app.Api(member.Token);
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var id = (await (await ApplyAsync(client, Request(800m, account))).JsonAsync()).GetProperty("id").GetGuid();
        var queue = await (await operatorClient.GetAsync("/api/v1/operator/refunds")).JsonAsync();
        var due = queue.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(account, due.GetProperty("settlementAccount").GetString());

        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(PaidAsync(operatorClient, id, key), PaidAsync(operatorClient, id, key), PaidAsync(operatorClient, id));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.Equal(1200m, await Subscribers.BalanceAsync(client));
        var paid = (await (await client.GetAsync("/api/v1/billing/refunds")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.DoesNotContain((await (await operatorClient.GetAsync("/api/v1/operator/refunds")).JsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var refused = await operatorClient.PostAsJsonAsync($"/api/v1/operator/refunds/{id}/reject", new { reason = "Changed our mind" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var moved = await app.WithDb(db => db.Set<LedgerTransaction>().CountAsync(t => t.Source == "refund" && t.ExternalId == $"paid:{id:N}"));
        Assert.Equal(1, moved);
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL17_a_rejected_application_puts_the_amount_back_and_needs_a_reason()
    {
        var (member, account) = await PaidByBankAsync(1500m);
        using var client = app.Api(member.Token);
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var id = (await (await ApplyAsync(client, Request(1500m, account))).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));

        await AssertRefusedAsync(await operatorClient.PostAsJsonAsync($"/api/v1/operator/refunds/{id}/reject", new { reason = "" }), "reason");
        var rejected = await operatorClient.PostAsJsonAsync($"/api/v1/operator/refunds/{id}/reject", new { reason = "The payer's bank closed this account" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(1500m, await Subscribers.BalanceAsync(client));
        Assert.Equal(HttpStatusCode.Conflict, (await PaidAsync(operatorClient, id)).StatusCode);
        var notice = await app.Mail.NextAsync(member.Email, "Refund application rejected");
        Assert.Contains("closed this account", notice.Body, StringComparison.Ordinal);
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task BIL17_the_refunds_due_export_as_1c_payment_orders_the_bank_client_reads()
    {
        var (member, account) = await PaidByBankAsync(900m);
        using var client = app.Api(member.Token);
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        await ApplyAsync(client, Request(450.25m, account));

        var response = await operatorClient.GetAsync("/api/v1/operator/refunds/payment-orders");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("1CClientBankExchange\r\n", text, StringComparison.Ordinal);
        var order = text.Split("СекцияДокумент=").Single(section => section.Contains($"ПолучательСчет={account}\r\n", StringComparison.Ordinal));
        Assert.Contains("Сумма=450.25\r\n", order, StringComparison.Ordinal);
        Assert.Contains($"ПолучательИНН={PayerInn}\r\n", order, StringComparison.Ordinal);
        Assert.Contains($"ПолучательБИК={Bic}\r\n", order, StringComparison.Ordinal);
        Assert.EndsWith("КонецФайла\r\n", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/operator/refunds/payment-orders")).StatusCode);
    }

    [Fact]
    public async Task BIL17_a_member_cannot_see_or_decide_refunds_in_the_operator_queue()
    {
        var (member, account) = await PaidByBankAsync(500m);
        using var client = app.Api(member.Token);
        var id = (await (await ApplyAsync(client, Request(100m, account))).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/operator/refunds")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PaidAsync(client, id)).StatusCode);
        Assert.Equal(400m, await Subscribers.BalanceAsync(client));
    }
}

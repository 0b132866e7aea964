using Tradehall.Core.Archive;
using Tradehall.Core.Billing.Ledger;
using static Tradehall.Tests.Billing.CreditSteps;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-12: a debt unpaid for more than 6 months ends the contract; what a terminated subscriber may still do (pay by gateway or bank, read), and what not.</summary>
public sealed class DebtTerminationTests
{
    [Fact]
    public async Task BIL12_a_debt_unpaid_for_over_6_months_terminates_and_the_subscriber_may_still_pay_and_read_but_not_order()
    {
        var ordered = new DateOnly(2026, 3, 2);
        using var app = new CreditApp(ordered);
        var s = await Subscribers.CreateAsync(app, 0m);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, 5000m)).StatusCode);
        using var client = app.Api(s.Member.Token);
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);

        // Six months to the day is not yet "older than six months".
        var sixMonths = await RunAsync(app, new DateOnly(2026, 9, 2));
        Assert.Equal(0, sixMonths.Debts!.Terminated);
        Assert.Equal("suspended", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());

        var report = await RunAsync(app, new DateOnly(2026, 9, 3));
        Assert.Equal(1, report.Debts!.Terminated);
        Assert.Equal(0, (await RunAsync(app, new DateOnly(2026, 9, 3))).Debts!.Terminated);

        var account = await (await client.GetAsync("/api/v1/billing/account")).JsonAsync();
        Assert.Equal("terminated", account.GetProperty("status").GetString());
        Assert.Equal("terminated", (await ContractAsync(client)).GetProperty("status").GetString());
        Assert.Equal("stopped", await StatusAsync(client));
        var decision = await app.WithDb(db => db.Set<ArchiveRecord>().AsNoTracking().SingleAsync(r => r.Action == "billing.contract_terminated" && r.Subject == $"billing-account:{s.Number}"));
        Assert.Contains("\"debt\"", decision.After!, StringComparison.Ordinal);

        // What is no longer possible answers 409 with the code saying why.
        var order = await Subscribers.OrderAsync(client, (await Subscribers.CreateAsync(app, 0m, kind: "price-review")).Tariff);
        Assert.Equal((HttpStatusCode.Conflict, "billing.contract_terminated"), (order.StatusCode, await CodeAsync(order)));
        var notice = await client.PostAsync("/api/v1/billing/contract/notice", null);
        Assert.Equal((HttpStatusCode.Conflict, "billing.contract_terminated"), (notice.StatusCode, await CodeAsync(notice)));
        var credit = await SetLimitAsync(app, s.Number, 9000m);
        Assert.Equal((HttpStatusCode.Conflict, "billing.contract_terminated"), (credit.StatusCode, await CodeAsync(credit)));

        // What still is: the statement, the documents, paying the debt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/billing/transactions")).StatusCode);
        var csv = await client.GetAsync("/api/v1/billing/statement?from=2026-03-01&to=2026-09-03&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Late payment penalty", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invoice = Assert.Single((await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(invoice.GetProperty("pdfUrl").GetString())).StatusCode);
        var owed = (await CreditAsync(client)).GetProperty("owed").GetDecimal();
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        Assert.Equal(1, (await BankAsync(operatorClient, s, "100.00")).GetProperty("credited").GetInt32());
        await Subscribers.TopUpAsync(app, s.Number, owed - 100m);
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        Assert.Empty((await CreditAsync(client)).GetProperty("open").EnumerateArray());
        // Once nothing is owed, a bank payment to the ended contract waits for the operator instead.
        Assert.Equal(1, (await BankAsync(operatorClient, s, "50.00")).GetProperty("held").GetInt32());
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));

        // Paying does not bring the contract back, and penalties stopped with it.
        await RunAsync(app, new DateOnly(2026, 9, 10));
        Assert.Equal("terminated", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("stopped", await StatusAsync(client));
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    private static async Task<System.Text.Json.JsonElement> BankAsync(HttpClient operatorClient, TestSubscriber s, string amount)
    {
        var response = await BankStatementTests.UploadAsync(operatorClient, BankStatementTests.Csv(
            BankStatementTests.CsvRow(BankStatementTests.NewDocumentNumber(), amount, BankStatementTests.Purpose(s.Number, s.Member.Email))));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}

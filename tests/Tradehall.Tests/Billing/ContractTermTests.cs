using Tradehall.Core.Billing.Contract;
using Tradehall.Core.Billing.Ledger;
using static Tradehall.Tests.Billing.CreditSteps;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-25: a term of one calendar year from acceptance, extended by the billing run unless notice of non-extension came 30 days ahead.</summary>
public sealed class ContractTermTests
{
    /// <summary>A subscriber whose first top-up, on the app's first day, accepted the offer.</summary>
    private static async Task<(TestSubscriber Subscriber, HttpClient Client)> AcceptedAsync(TradehallApp app)
    {
        var s = await Subscribers.CreateAsync(app, 100m);
        return (s, app.Api(s.Member.Token));
    }

    [Fact]
    public async Task BIL25_the_term_is_a_calendar_year_and_the_run_extends_it_across_the_year_boundary()
    {
        using var app = new CreditApp(new DateOnly(2026, 12, 31));
        var (s, client) = await AcceptedAsync(app);
        var contract = await ContractAsync(client);
        Assert.Equal(("TH-" + s.Number, "active"), (contract.GetProperty("number").GetString(), contract.GetProperty("status").GetString()));
        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31)), (Day(contract, "startedOn")!.Value, Day(contract, "termEndsOn")!.Value));
        Assert.Null(Day(contract, "nonExtensionNoticeOn"));

        Assert.Equal(0, (await RunAsync(app, new DateOnly(2027, 12, 31))).Contracts.Extended);
        Assert.Equal(new DateOnly(2027, 12, 31), Day(await ContractAsync(client), "termEndsOn"));

        Assert.Equal(1, (await RunAsync(app, new DateOnly(2028, 1, 1))).Contracts.Extended);
        Assert.Equal(0, (await RunAsync(app, new DateOnly(2028, 1, 1))).Contracts.Extended);
        contract = await ContractAsync(client);
        Assert.Equal((new DateOnly(2028, 12, 31), "active"), (Day(contract, "termEndsOn")!.Value, contract.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task BIL25_a_contract_accepted_on_29_February_ends_its_terms_on_28_February_and_on_29_in_leap_years()
    {
        using var app = new CreditApp(new DateOnly(2028, 2, 29));
        var (_, client) = await AcceptedAsync(app);
        Assert.Equal(new DateOnly(2029, 2, 28), Day(await ContractAsync(client), "termEndsOn"));

        await RunAsync(app, new DateOnly(2029, 3, 1));
        Assert.Equal(new DateOnly(2030, 2, 28), Day(await ContractAsync(client), "termEndsOn"));
        Assert.Equal(new DateOnly(2032, 2, 29), ContractTerm.TermEndsOn(new DateOnly(2028, 2, 29), 4, 12));
    }

    [Fact]
    public async Task BIL25_notice_30_days_before_the_end_ends_the_contract_with_its_term()
    {
        using var app = new CreditApp(new DateOnly(2026, 5, 10));
        var (s, client) = await AcceptedAsync(app);
        app.Clock.AdjustTime(At(new DateOnly(2027, 4, 10)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/billing/contract/notice", null)).StatusCode);
        // Given twice, the first date stands.
        app.Clock.AdjustTime(At(new DateOnly(2027, 4, 11)));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/billing/contract/notice", null)).StatusCode);
        Assert.Equal(new DateOnly(2027, 4, 10), Day(await ContractAsync(client), "nonExtensionNoticeOn"));

        Assert.Equal(0, (await RunAsync(app, new DateOnly(2027, 5, 10))).Contracts.Ended);
        Assert.Equal("active", (await ContractAsync(client)).GetProperty("status").GetString());
        var report = await RunAsync(app, new DateOnly(2027, 5, 11));
        Assert.Equal((0, 1), (report.Contracts.Extended, report.Contracts.Ended));
        Assert.Equal("terminated", (await ContractAsync(client)).GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2027, 5, 10), await app.WithDb(db => db.Set<Tradehall.Core.Billing.Accounts.BillingAccount>()
            .Where(a => a.Number == s.Number).Select(a => a.TerminatedOn).SingleAsync()));
        // The balance left is still the subscriber's, and still visible.
        Assert.Equal(100m, await Subscribers.BalanceAsync(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL25_notice_fewer_than_30_days_before_the_end_is_refused_and_the_operator_may_give_notice_in_time()
    {
        using var app = new CreditApp(new DateOnly(2026, 5, 10));
        var (s, client) = await AcceptedAsync(app);
        var (other, otherClient) = await AcceptedAsync(app);
        app.Clock.AdjustTime(At(new DateOnly(2027, 4, 11)));

        var late = await client.PostAsync("/api/v1/billing/contract/notice", null);
        Assert.Equal((HttpStatusCode.Conflict, "billing.notice_too_late"), (late.StatusCode, await CodeAsync(late)));
        Assert.Null(Day(await ContractAsync(client), "nonExtensionNoticeOn"));
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var operatorLate = await operatorClient.PostAsync($"/api/v1/operator/accounts/{s.Number}/contract/notice", null);
        Assert.Equal((HttpStatusCode.Conflict, "billing.notice_too_late"), (operatorLate.StatusCode, await CodeAsync(operatorLate)));

        // Too late for this term, the contract is extended; the operator's notice for the next one is in time.
        await RunAsync(app, new DateOnly(2027, 5, 11));
        Assert.Equal(new DateOnly(2028, 5, 10), Day(await ContractAsync(client), "termEndsOn"));
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/api/v1/operator/accounts/{s.Number}/contract/notice", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/operator/accounts/{other.Number}/contract/notice", null)).StatusCode);

        await RunAsync(app, new DateOnly(2028, 5, 11));
        Assert.Equal("terminated", (await ContractAsync(client)).GetProperty("status").GetString());
        Assert.Equal("active", (await ContractAsync(otherClient)).GetProperty("status").GetString());
        otherClient.Dispose();
    }
}

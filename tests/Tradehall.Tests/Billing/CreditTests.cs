using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Run;
using static Tradehall.Tests.Billing.CreditSteps;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-13: credit up to the operator's limit, the debt invoice due in 3 calendar days, penalties for each late day, and suspension when overdue.</summary>
public sealed class CreditTests
{
    private static readonly DateOnly Ordered = new(2026, 3, 30);

    /// <summary>A subscriber with nothing on the balance who ordered analytics on <see cref="Ordered"/> on a credit of 3,000.</summary>
    private static async Task<(TestSubscriber Subscriber, HttpClient Client)> OnCreditAsync(TradehallApp app)
    {
        var s = await Subscribers.CreateAsync(app, 0m);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, 3000m)).StatusCode);
        var client = app.Api(s.Member.Token);
        var ordered = await Subscribers.OrderAsync(client, s.Tariff);
        Assert.True(ordered.StatusCode == HttpStatusCode.Created, await ordered.Content.ReadAsStringAsync());
        return (s, client);
    }

    private static decimal Penalty(decimal amount) => Math.Round(amount * 0.001m, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task BIL13_credit_lets_a_subscriber_with_zero_balance_order_and_the_debt_invoice_is_due_in_3_calendar_days_across_a_month_end()
    {
        using var app = new CreditApp(Ordered);
        var probe = await Subscribers.CreateAsync(app, 0m);
        using (var probeClient = app.Api(probe.Member.Token))
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, (await Subscribers.OrderAsync(probeClient, probe.Tariff)).StatusCode);
        }

        var (s, client) = await OnCreditAsync(app);

        Assert.Equal("active", await StatusAsync(client));
        Assert.Equal(-s.Price, await Subscribers.BalanceAsync(client));
        var credit = await CreditAsync(client);
        Assert.Equal((3000m, s.Price), (credit.GetProperty("limit").GetDecimal(), credit.GetProperty("owed").GetDecimal()));
        var debt = Assert.Single(credit.GetProperty("open").EnumerateArray());
        Assert.Equal((s.Price, new DateOnly(2026, 4, 2), false), (debt.GetProperty("amount").GetDecimal(), Day(debt, "dueOn")!.Value, debt.GetProperty("overdue").GetBoolean()));
        var invoice = Assert.Single((await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync()).EnumerateArray());
        Assert.Equal((s.Price, new DateOnly(2026, 4, 2), "unpaid"), (invoice.GetProperty("amount").GetDecimal(), Day(invoice, "dueOn")!.Value, invoice.GetProperty("status").GetString()));
        var pdf = await client.GetAsync(invoice.GetProperty("pdfUrl").GetString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL13_a_limit_below_the_current_debt_or_negative_is_refused_naming_limit_and_changes_nothing()
    {
        using var app = new CreditApp(Ordered);
        var (s, client) = await OnCreditAsync(app);

        foreach (var limit in new object[] { s.Price - 0.01m, -1m, 1.234m })
        {
            var refused = await SetLimitAsync(app, s.Number, limit);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["limit"], await CatalogueSteps.ErrorFieldsAsync(refused));
        }
        Assert.Equal(3000m, (await CreditAsync(client)).GetProperty("limit").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, s.Price)).StatusCode);
        Assert.Equal(s.Price, (await CreditAsync(client)).GetProperty("limit").GetDecimal());

        Assert.Equal(HttpStatusCode.NotFound, (await SetLimitAsync(app, "100000008", 10m)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/operator/accounts/{s.Number}/credit", new { limit = 10_000m })).StatusCode);
    }

    [Fact]
    public async Task BIL13_each_late_day_adds_one_penalty_of_0_1_percent_and_a_rerun_of_the_same_day_adds_nothing()
    {
        using var app = new CreditApp(Ordered);
        var (s, client) = await OnCreditAsync(app);
        var penalty = Penalty(s.Price);

        await RunAsync(app, new DateOnly(2026, 4, 2));
        Assert.Empty(await LinesAsync(client, "penalty"));

        await RunAsync(app, new DateOnly(2026, 4, 3));
        var first = Assert.Single(await LinesAsync(client, "penalty"));
        Assert.Equal(-penalty, first.GetProperty("amount").GetDecimal());
        Assert.Contains("Late payment penalty for", first.GetProperty("description").GetString(), StringComparison.Ordinal);

        // The same day again, as after a crash or a second --as-of: nothing twice.
        var again = await RunAsync(app, new DateOnly(2026, 4, 3));
        Assert.Equal(0, again.Debts!.Penalties);
        Assert.Single(await LinesAsync(client, "penalty"));

        // A day the run missed is caught up: one penalty for each day.
        var caughtUp = await RunAsync(app, new DateOnly(2026, 4, 5));
        Assert.Equal(2, caughtUp.Debts!.Penalties);
        Assert.Equal(3, (await LinesAsync(client, "penalty")).Length);
        Assert.Equal(-(s.Price + 3 * penalty), await Subscribers.BalanceAsync(client));
        var debt = Assert.Single((await CreditAsync(client)).GetProperty("open").EnumerateArray());
        Assert.Equal((3 * penalty, true), (debt.GetProperty("penalties").GetDecimal(), debt.GetProperty("overdue").GetBoolean()));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL13_an_overdue_debt_suspends_the_services_and_paying_it_resumes_them_in_their_paid_period()
    {
        using var app = new CreditApp(Ordered);
        var (s, client) = await OnCreditAsync(app);
        var periodEnd = Day((await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[0], "periodEnd");

        var report = await RunAsync(app, new DateOnly(2026, 4, 3));
        Assert.Equal(1, report.Debts!.Suspended);
        Assert.Equal("suspended", await StatusAsync(client));
        Assert.Equal("suspended", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
        // While a debt is overdue the credit is closed.
        var price = s.Price;
        Assert.Equal(HttpStatusCode.PaymentRequired, (await Subscribers.OrderAsync(client, (await Subscribers.CreateAsync(app, 0m, kind: "price-review")).Tariff)).StatusCode);

        var owed = (await CreditAsync(client)).GetProperty("owed").GetDecimal();
        Assert.Equal(price + Penalty(price), owed);
        await Subscribers.TopUpAsync(app, s.Number, owed);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Resumption>().ResumePaidUpAsync(new DateOnly(2026, 4, 3), CancellationToken.None);
        }

        Assert.Equal("active", await StatusAsync(client));
        Assert.Equal(periodEnd, Day((await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[0], "periodEnd"));
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        var credit = await CreditAsync(client);
        Assert.Equal(0m, credit.GetProperty("owed").GetDecimal());
        Assert.Empty(credit.GetProperty("open").EnumerateArray());
        Assert.Equal("active", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());

        // Settled: no penalty the next day.
        await RunAsync(app, new DateOnly(2026, 4, 4));
        Assert.Single(await LinesAsync(client, "penalty"));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL13_racing_orders_never_take_the_balance_below_the_limit()
    {
        using var app = new CreditApp(Ordered);
        using var operatorClient = app.Api(await Operators.TokenAsync(app));
        var kind = await CatalogueSteps.KindAsync(operatorClient);
        var tariff = await CatalogueSteps.TariffAsync(operatorClient, kind, 1000m);
        var s = await Subscribers.CreateAsync(app, 0m);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, 1500m)).StatusCode);
        using var client = app.Api(s.Member.Token);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Subscribers.OrderAsync(client, tariff)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode));
        Assert.Equal(-1000m, await Subscribers.BalanceAsync(client));
        Assert.Single((await CreditAsync(client)).GetProperty("open").EnumerateArray());
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL13_a_renewal_may_use_the_credit_and_its_debt_gets_an_invoice()
    {
        using var app = new CreditApp(Ordered);
        var s = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, s.Number, s.Price);
        using var client = app.Api(s.Member.Token);
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, s.Price)).StatusCode);

        var report = await RunAsync(app, new DateOnly(2026, 4, 30));

        Assert.Equal(1, report.Renewed);
        Assert.Equal("active", await StatusAsync(client));
        Assert.Equal(-s.Price, await Subscribers.BalanceAsync(client));
        var debt = Assert.Single((await CreditAsync(client)).GetProperty("open").EnumerateArray());
        Assert.Equal((s.Price, new DateOnly(2026, 5, 3)), (debt.GetProperty("amount").GetDecimal(), Day(debt, "dueOn")!.Value));
        Assert.Contains((await (await client.GetAsync("/api/v1/billing/invoices")).JsonAsync()).EnumerateArray(),
            i => Day(i, "dueOn") == new DateOnly(2026, 5, 3) && i.GetProperty("amount").GetDecimal() == s.Price);

        // Without credit the next period does not renew: the service is suspended as BIL-10 says.
        await Subscribers.TopUpAsync(app, s.Number, s.Price);
        Assert.Equal(HttpStatusCode.NoContent, (await SetLimitAsync(app, s.Number, 0m)).StatusCode);
        await RunAsync(app, new DateOnly(2026, 5, 30));
        Assert.Equal("suspended", await StatusAsync(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Theory]
    [InlineData(2490_00L, 0.1, 2_49L)]
    [InlineData(1_00L, 0.1, 0L)]
    [InlineData(5_00L, 0.1, 1L)]
    [InlineData(4_99L, 0.1, 0L)]
    [InlineData(1000_00L, 0.25, 2_50L)]
    public void BIL13_a_day_late_costs_the_percentage_of_the_invoice_rounded_half_away_from_zero_to_the_minor_unit(long amount, double percent, long penalty) =>
        Assert.Equal(penalty, Tradehall.Core.Billing.Credit.Debts.PenaltyPerDay(amount, (decimal)percent));
}

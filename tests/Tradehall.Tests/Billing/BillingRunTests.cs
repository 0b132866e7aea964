using System.Globalization;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Data;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Billing.BillingDays;
using App = Tradehall.Tests.Billing.BillingDays.App;

namespace Tradehall.Tests.Billing;

/// <summary>The daily billing run on a fake clock: each test has a site of its own, since a run bills every service due.</summary>
public sealed class BillingRunTests
{
    private static async Task<JsonElement> ServiceAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[0];

    private static DateOnly Day(JsonElement service, string property) =>
        DateOnly.Parse(service.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static async Task<(TestSubscriber Subscriber, HttpClient Client)> SubscribedAsync(TradehallApp app, decimal periods, bool autoRenew = true,
        string kind = "analytics", int tariff = 0)
    {
        var probe = await Subscribers.CreateAsync(app, 0m, kind: kind, tariffIndex: tariff);
        var client = app.Api(probe.Member.Token);
        if (periods > 0)
        {
            await Subscribers.TopUpAsync(app, probe.Number, probe.Price * periods);
        }
        var ordered = await Subscribers.OrderAsync(client, probe.Tariff, autoRenew: autoRenew);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        return (probe, client);
    }

    [Fact]
    public async Task BIL09_a_31_January_service_renews_on_28_February_then_on_31_March_and_never_twice()
    {
        using var app = new App(new DateOnly(2026, 1, 31));
        var (s, client) = await SubscribedAsync(app, 3);
        Assert.Equal(new DateOnly(2026, 2, 28), Day(await ServiceAsync(client), "periodEnd"));

        await RunAsync(app, new DateOnly(2026, 2, 27));
        Assert.Equal(s.Price * 2, await Subscribers.BalanceAsync(client));

        await RunAsync(app, new DateOnly(2026, 2, 28));
        var renewed = await ServiceAsync(client);
        Assert.Equal("active", renewed.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2026, 2, 28), Day(renewed, "periodStart"));
        Assert.Equal(new DateOnly(2026, 3, 31), Day(renewed, "periodEnd"));
        Assert.Equal(s.Price, await Subscribers.BalanceAsync(client));

        // The same day again, as after a restart: nothing more is charged.
        await RunAsync(app, new DateOnly(2026, 2, 28));
        Assert.Equal(s.Price, await Subscribers.BalanceAsync(client));

        await RunAsync(app, new DateOnly(2026, 3, 31));
        Assert.Equal(new DateOnly(2026, 4, 30), Day(await ServiceAsync(client), "periodEnd"));
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        var lines = await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync();
        Assert.Equal(2, lines.EnumerateArray().Count(l => l.GetProperty("kind").GetString() == "renewal"));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL08_in_a_leap_year_the_31_January_period_ends_on_29_February()
    {
        using var app = new App(new DateOnly(2028, 1, 31));
        var (_, client) = await SubscribedAsync(app, 2);
        Assert.Equal(new DateOnly(2028, 2, 29), Day(await ServiceAsync(client), "periodEnd"));
        await RunAsync(app, new DateOnly(2028, 2, 29));
        var renewed = await ServiceAsync(client);
        Assert.Equal(new DateOnly(2028, 2, 29), Day(renewed, "periodStart"));
        Assert.Equal(new DateOnly(2028, 3, 31), Day(renewed, "periodEnd"));
    }

    [Fact]
    public async Task BIL09_without_auto_renewal_the_service_stops_at_the_period_end_and_nothing_is_charged()
    {
        using var app = new App(new DateOnly(2026, 4, 10));
        var (s, client) = await SubscribedAsync(app, 2, autoRenew: false);
        var report = await RunAsync(app, new DateOnly(2026, 5, 10));
        Assert.Equal(1, report.Stopped);
        Assert.Equal("stopped", (await ServiceAsync(client)).GetProperty("status").GetString());
        Assert.Equal(s.Price, await Subscribers.BalanceAsync(client));
        Assert.Equal("active", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BIL10_a_balance_of_exactly_zero_suspends_at_the_renewal_and_a_payment_that_clears_it_resumes_within_a_minute()
    {
        using var app = new App(new DateOnly(2026, 6, 15));
        var (s, client) = await SubscribedAsync(app, 1);
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));

        var report = await RunAsync(app, new DateOnly(2026, 7, 15));
        Assert.Equal(1, report.Suspended);
        Assert.Equal("suspended", (await ServiceAsync(client)).GetProperty("status").GetString());
        Assert.Equal("suspended", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
        Assert.Contains("Market analytics", (await app.Mail.NextAsync(s.Member.Email, "Your services are suspended")).Body, StringComparison.Ordinal);
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));

        // A payment short of the period changes nothing; one that covers it resumes without anyone running anything: the
        // payment wakes the billing worker, and the member is told in the same transaction that resumes the service.
        app.Clock.SetUtcNow(At(new DateOnly(2026, 7, 20)));
        await Subscribers.TopUpAsync(app, s.Number, s.Price - 0.01m);
        await Subscribers.TopUpAsync(app, s.Number, 0.01m);
        await app.Mail.NextAsync(s.Member.Email, "Your services are active again");
        var service = await ServiceAsync(client);
        Assert.Equal("active", service.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2026, 7, 20), Day(service, "periodStart"));
        Assert.Equal(new DateOnly(2026, 8, 20), Day(service, "periodEnd"));
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
        Assert.Equal("active", (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("status").GetString());
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL22_the_run_warns_once_when_the_funds_last_no_more_than_the_warning_days()
    {
        // The balance pays the first period only: the funds last until 9 May, the day before the renewal.
        using var app = new App(new DateOnly(2026, 4, 10));
        var (s, _) = await SubscribedAsync(app, 1);
        // Warnings are queued in the run's own transaction, so the outbox shows them as soon as the run returns.
        Task<int> WarningsAsync() => app.WithDb(db => db.Set<OutboxMessage>()
            .CountAsync(m => m.MemberId == s.Member.Id && m.Channel == Channel.Email && m.Subject == "Your balance runs out soon"));
        await RunAsync(app, new DateOnly(2026, 5, 1));
        Assert.Equal(0, await WarningsAsync());
        await RunAsync(app, new DateOnly(2026, 5, 2));
        Assert.Equal(1, await WarningsAsync());
        Assert.Contains("May 9, 2026", (await app.Mail.NextAsync(s.Member.Email, "Your balance runs out soon")).Body, StringComparison.Ordinal);
        await RunAsync(app, new DateOnly(2026, 5, 3));
        Assert.Equal(1, await WarningsAsync());
    }

    [Fact]
    public async Task BIL11_the_reserve_warning_and_the_deletion_fall_on_their_days()
    {
        // Built-in subscriptions: 40 days of grace, the last 10 of them the reserve (SPEC §13).
        using var app = new App(new DateOnly(2026, 2, 1));
        var (s, client) = await SubscribedAsync(app, 1);
        var suspendedOn = new DateOnly(2026, 3, 1);
        await RunAsync(app, suspendedOn);
        Assert.Equal("suspended", (await ServiceAsync(client)).GetProperty("status").GetString());

        Assert.Equal(0, (await RunAsync(app, suspendedOn.AddDays(29))).ReserveWarned);
        Assert.Equal(1, (await RunAsync(app, suspendedOn.AddDays(30))).ReserveWarned);
        var body = (await app.Mail.NextAsync(s.Member.Email, "Your suspended services will be deleted soon")).Body;
        Assert.Contains(suspendedOn.AddDays(40).ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en")), body, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(app, suspendedOn.AddDays(31))).ReserveWarned);

        Assert.Equal(0, (await RunAsync(app, suspendedOn.AddDays(39))).Deleted);
        Assert.Equal("suspended", (await ServiceAsync(client)).GetProperty("status").GetString());
        Assert.Equal(1, (await RunAsync(app, suspendedOn.AddDays(40))).Deleted);
        Assert.Equal("deleted", (await ServiceAsync(client)).GetProperty("status").GetString());
        await app.Mail.NextAsync(s.Member.Email, "The data of your suspended services was deleted");

        // A payment after deletion does not bring a deleted service back.
        await Subscribers.TopUpAsync(app, s.Number, s.Price);
        await RunAsync(app, suspendedOn.AddDays(41));
        Assert.Equal("deleted", (await ServiceAsync(client)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BIL15_a_tariff_switch_takes_effect_at_the_next_period()
    {
        using var app = new App(new DateOnly(2026, 9, 5));
        var (s, client) = await SubscribedAsync(app, 5, kind: "marketplace");
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        var business = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "marketplace").GetProperty("tariffs")[1];
        var serviceId = (await ServiceAsync(client)).GetProperty("id").GetGuid();

        var refused = await client.PostAsJsonAsync($"/api/v1/billing/services/{serviceId}/switch", new { tariffId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("tariffId", out _));
        var analytics = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "analytics").GetProperty("tariffs")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/billing/services/{serviceId}/switch", new { tariffId = analytics })).StatusCode);

        var switched = await client.PostAsJsonAsync($"/api/v1/billing/services/{serviceId}/switch", new { tariffId = business.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var scheduled = await switched.JsonAsync();
        Assert.Equal(s.Tariff, scheduled.GetProperty("tariffId").GetGuid());
        Assert.Equal(business.GetProperty("id").GetGuid(), scheduled.GetProperty("nextTariffId").GetGuid());
        var before = await Subscribers.BalanceAsync(client);

        await RunAsync(app, new DateOnly(2026, 10, 5));
        var renewed = await ServiceAsync(client);
        Assert.Equal(business.GetProperty("id").GetGuid(), renewed.GetProperty("tariffId").GetGuid());
        Assert.Equal(JsonValueKind.Null, renewed.GetProperty("nextTariffId").ValueKind);
        Assert.Equal(before - business.GetProperty("price").GetDecimal(), await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL14_renewals_charge_an_announced_price_from_its_day_and_move_a_closed_tariff_to_its_successor()
    {
        using var app = new App(new DateOnly(2026, 3, 10));
        using var ops = app.Api(await Operators.TokenAsync(app));
        var code = await CatalogueSteps.KindAsync(ops);
        var repriced = await CatalogueSteps.TariffAsync(ops, code, 100m);
        var closing = await CatalogueSteps.TariffAsync(ops, code, 200m);
        var successor = await CatalogueSteps.TariffAsync(ops, code, 150m);
        var (member, client) = await CatalogueSteps.SubscriberAsync(app, 1000m);
        using var _ = client;
        Assert.Equal(HttpStatusCode.Created, (await CatalogueSteps.OrderAsync(client, repriced)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CatalogueSteps.OrderAsync(client, closing)).StatusCode);
        Assert.Equal(700m, await Subscribers.BalanceAsync(client));

        // The new price takes effect on 20 March (ten days' notice); the tariff closes on 10 March, its subscribers move on 20 March.
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{repriced}", new { price = 120m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{closing}/close", new { successorTariffId = successor })).StatusCode);

        await RunAsync(app, new DateOnly(2026, 4, 10));
        var services = (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync()).EnumerateArray().ToList();
        Assert.All(services, s => Assert.Equal("active", s.GetProperty("status").GetString()));
        Assert.Contains(services, s => s.GetProperty("tariffId").GetGuid() == repriced);
        Assert.Contains(services, s => s.GetProperty("tariffId").GetGuid() == successor);
        Assert.Equal(700m - 120m - 150m, await Subscribers.BalanceAsync(client));
        Assert.Empty(await app.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }

    [Fact]
    public async Task BIL15_the_personal_account_page_schedules_the_switch_and_says_from_when()
    {
        using var app = new App(new DateOnly(2026, 9, 5));
        var (s, client) = await SubscribedAsync(app, 2, kind: "marketplace");
        var catalog = await (await client.GetAsync("/api/v1/billing/catalog")).JsonAsync();
        var business = catalog.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "marketplace").GetProperty("tariffs")[1];
        using var browser = new Browser(app);
        await browser.SignInAsync(s.Member.Email, s.Member.Password);
        var response = await browser.SubmitAsync("/billing", "Switch", new() { ["tariffId"] = business.GetProperty("id").GetString()! });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await browser.GetAsync("/billing");
        Assert.Contains("October 5, 2026: Marketplace Business", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(business.GetProperty("id").GetGuid(), (await ServiceAsync(client)).GetProperty("nextTariffId").GetGuid());
    }

    [Fact]
    public async Task RUN03_a_run_held_by_another_node_is_not_started_twice_until_its_lease_expires()
    {
        using var app = new App(new DateOnly(2026, 5, 1));
        using var _ = app.Api();
        var expires = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(3);
        await app.WithDb(async db =>
        {
            db.Set<JobLease>().Add(new JobLease { Name = BillingRun.JobName, Holder = "another-node", ExpiresAt = expires });
            await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(new DateOnly(2026, 5, 1), null, CancellationToken.None));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(new DateOnly(2026, 5, 1), null, CancellationToken.None));
        }
        Assert.Equal(new DateOnly(2026, 5, 1), await app.WithDb(db => db.Set<JobLease>().Where(l => l.Name == BillingRun.JobName).Select(l => l.CompletedFor).SingleAsync()));
    }
}

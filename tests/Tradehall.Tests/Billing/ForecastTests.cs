using System.Globalization;
using Microsoft.Extensions.Options;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Forecasts;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-22: the renewal walk itself, on dates chosen for BIL-08's month-end clamping.</summary>
public sealed class ForecastTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RenewingService Monthly(string activated, int period, long price, int months = 1)
    {
        var on = Day(activated);
        return new RenewingService(on, period, on.AddMonths(period * months), price, months);
    }

    [Fact]
    public void BIL22_31_january_activation_renews_on_the_clamped_month_ends()
    {
        // Renewals on 28 Feb, 31 Mar, 30 Apr 2027: two are covered, the third is not.
        var service = Monthly("2027-01-31", 1, 1000_00);
        Assert.Equal(Day("2027-02-28"), service.PeriodEnd);
        Assert.Equal(Day("2027-04-29"), Forecast.FundsLastUntil(2500_00, [service]));
        Assert.Equal(Day("2027-03-30"), Forecast.FundsLastUntil(1999_99, [service]));
        Assert.Equal(Day("2027-02-27"), Forecast.FundsLastUntil(0, [service]));
    }

    [Fact]
    public void BIL22_leap_year_february_ends_on_the_29th()
    {
        var service = Monthly("2028-01-31", 1, 1000_00);
        Assert.Equal(Day("2028-02-29"), service.PeriodEnd);
        Assert.Equal(Day("2028-02-28"), Forecast.FundsLastUntil(999_99, [service]));
        Assert.Equal(Day("2028-03-30"), Forecast.FundsLastUntil(1000_00, [service]));
        // Activated on 29 February: the next year's renewal falls on 28 February.
        var leapDay = Monthly("2028-02-29", 11, 500_00);
        Assert.Equal(Day("2029-01-29"), leapDay.PeriodEnd);
        Assert.Equal(Day("2029-02-27"), Forecast.FundsLastUntil(500_00, [leapDay]));
    }

    [Fact]
    public void BIL22_several_services_are_charged_in_date_order()
    {
        RenewingService[] services =
        [
            Monthly("2026-01-31", 2, 990_00),        // renews 31 Mar, 30 Apr, 31 May
            Monthly("2026-03-15", 1, 2490_00),       // renews 15 Apr, 15 May
            Monthly("2026-02-28", 1, 5000_00, 3),    // quarterly: renews 28 May
        ];
        // 990 + 2490 + 990 + 2490 = 6960 are covered; the quarterly 5000 on 28 May is not.
        Assert.Equal(Day("2026-05-27"), Forecast.FundsLastUntil(10_000_00, services));
        // With 12000 the quarterly renewal is paid, leaving 40: the monthly 990 on 31 May is the first not covered.
        Assert.Equal(Day("2026-05-30"), Forecast.FundsLastUntil(12_000_00, services));
        Assert.Equal(Day("2026-03-30"), Forecast.FundsLastUntil(989_99, services));
        Assert.Equal(5146.67m, Forecast.MonthlySpend(services));
    }

    [Fact]
    public void BIL22_without_paid_renewals_the_funds_have_no_end_date()
    {
        Assert.Null(Forecast.FundsLastUntil(1000_00, []));
        Assert.Null(Forecast.FundsLastUntil(0, [Monthly("2026-03-02", 1, 0)]));
        Assert.Equal(0.00m, Forecast.MonthlySpend([]));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1_234_56L)]
    [InlineData(98_765_43L)]
    [InlineData(1_000_000_00L)]
    [InlineData(98_765_432_10L)]
    public void BIL22_large_balances_give_the_same_date_as_walking_every_renewal(long balance)
    {
        RenewingService[] services =
        [
            Monthly("2026-01-31", 2, 990_00),
            Monthly("2026-03-15", 1, 2490_00),
            Monthly("2026-02-28", 1, 5000_00, 3),
            Monthly("2025-08-29", 1, 12_000_00, 12),
        ];
        Assert.Equal(WalkEveryRenewal(balance, services), Forecast.FundsLastUntil(balance, services));
    }

    [Fact]
    public void BIL22_funds_that_outlast_the_calendar_have_no_end_date() =>
        Assert.Null(Forecast.FundsLastUntil(long.MaxValue / 2, [Monthly("2026-03-02", 1, 1)]));

    /// <summary>The rule as written, one renewal at a time; the reference for the shortcut over whole cycles.</summary>
    private static DateOnly? WalkEveryRenewal(long balance, RenewingService[] services)
    {
        var period = services.Select(s => s.Period).ToArray();
        var next = services.Select(s => s.PeriodEnd).ToArray();
        while (true)
        {
            var due = Enumerable.Range(0, services.Length).MinBy(i => next[i]);
            if (balance < services[due].Price)
            {
                return next[due].AddDays(-1);
            }
            balance -= services[due].Price;
            period[due]++;
            next[due] = Tradehall.Core.Billing.Services.ReportingPeriods.End(services[due].ActivatedOn, period[due], services[due].PeriodMonths);
        }
    }
}

/// <summary>BIL-22 through the API: the subscriber's own services and balance, with the warning N days ahead.</summary>
public sealed class ForecastApiTests(StatementApiTests.App app) : IClassFixture<StatementApiTests.App>
{
    private int WarningDays => app.Services.GetRequiredService<IOptions<BillingOptions>>().Value.ForecastWarningDays;

    private static async Task<(DateOnly? Until, bool Warning, decimal Spend)> ForecastAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/billing/forecast");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var until = json.GetProperty("fundsLastUntil");
        return (until.ValueKind == System.Text.Json.JsonValueKind.Null ? null : DateOnly.ParseExact(until.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            json.GetProperty("warning").GetBoolean(), json.GetProperty("monthlySpend").GetDecimal());
    }

    [Fact]
    public async Task BIL22_forecast_counts_the_renewals_the_balance_covers_and_warns_exactly_n_days_ahead()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (member, number, _, _) = await Subscribers.CreateAsync(app, 0m);
        using var client = app.Api(member.Token);
        Assert.Equal((null, false, 0.00m), await ForecastAsync(client));

        await Subscribers.TopUpAsync(app, number, 5000m);
        var (_, price) = await Subscribers.OrderFirstAsync(app, member);
        Assert.Equal(2490m, price);
        // 2510 left pays the renewal of 2 April; the one of 2 May is not covered.
        var until = new DateOnly(2026, 5, 1);
        Assert.Equal((until, false, 2490.00m), await ForecastAsync(client));
        Assert.Contains("\"monthlySpend\":2490.00", await client.GetStringAsync("/api/v1/billing/forecast"), StringComparison.Ordinal);

        // Days are counted in the site's time zone: 21:30 UTC is already the next day in Moscow.
        var warnFrom = until.AddDays(-WarningDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        app.Clock.SetUtcNow(new DateTimeOffset(warnFrom.AddDays(-1).AddHours(20).AddMinutes(59), TimeSpan.Zero));
        Assert.False((await ForecastAsync(client)).Warning);
        app.Clock.SetUtcNow(new DateTimeOffset(warnFrom.AddDays(-1).AddHours(21).AddMinutes(1), TimeSpan.Zero));
        Assert.True((await ForecastAsync(client)).Warning);
        app.Clock.SetUtcNow(new DateTimeOffset(until.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), TimeSpan.Zero));
        Assert.True((await ForecastAsync(client)).Warning);
    }

    [Fact]
    public async Task BIL22_31_january_order_and_stopped_renewal()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero));
        var (member, number, _, _) = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, number, 5000m);
        var (service, _) = await Subscribers.OrderFirstAsync(app, member);
        using var client = app.Api(member.Token);
        // The period ends on 28 February; 2510 covers that renewal, not the one of 31 March.
        Assert.Equal(new DateOnly(2027, 3, 30), (await ForecastAsync(client)).Until);

        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/services/{service}/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { immediately = false }) };
        cancel.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(cancel)).StatusCode);
        Assert.Equal((null, false, 0.00m), await ForecastAsync(client));
    }

    [Fact]
    public async Task BIL22_the_billing_job_can_ask_for_one_member()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (member, number, _, _) = await Subscribers.CreateAsync(app, 0m);
        await Subscribers.TopUpAsync(app, number, 2490m);
        await Subscribers.OrderFirstAsync(app, member);
        await using var scope = app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<Forecast>().ForMemberAsync(member.Id, CancellationToken.None);
        Assert.Equal(new ForecastView(new DateOnly(2026, 4, 1), false, 2490.00m), view);
    }
}

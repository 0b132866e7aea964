using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Tests.Analytics;

public sealed class ExchangeRateTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task ANL03_a_fresh_site_has_starting_rates_that_anyone_may_read()
    {
        using var anonymous = app.Api();
        var rates = await (await anonymous.GetAsync("/api/v1/exchange-rates")).JsonAsync();
        var byCurrency = rates.EnumerateArray().ToDictionary(r => r.GetProperty("currency").GetString()!);
        Assert.Equal(1m, byCurrency["RUB"].GetProperty("rate").GetDecimal());
        Assert.True(byCurrency["KZT"].GetProperty("rate").GetDecimal() > 0);
        Assert.Equal(6, byCurrency.Count);
    }

    [Theory]
    [InlineData("XYZ", "2", "2026-03-01", "currency")]
    [InlineData("RUB", "2", "2026-03-01", "currency")]
    [InlineData("EUR", "0", "2026-03-01", "rate")]
    [InlineData("EUR", "-1", "2026-03-01", "rate")]
    [InlineData("EUR", "0.12345678901", "2026-03-01", "rate")]
    [InlineData("EUR", "10000000000", "2026-03-01", "rate")]
    [InlineData("EUR", "90", "2026-03-03", "validFrom")]
    [InlineData("EUR", "90", null, "validFrom")]
    public async Task ANL03_a_bad_rate_is_refused_naming_the_field_and_changes_nothing(string currency, string rate, string? validFrom, string field)
    {
        var ops = await Operators.TokenAsync(app);
        using var client = app.Api(ops);
        var before = await app.WithDb(db => db.Set<ExchangeRate>().CountAsync());
        var response = await client.PostAsJsonAsync("/api/v1/operator/exchange-rates", new { currency, rate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), validFrom });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await app.WithDb(db => db.Set<ExchangeRate>().CountAsync()));
    }

    [Fact]
    public async Task ANL03_only_operators_set_rates()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.PostAsJsonAsync("/api/v1/operator/exchange-rates", new { currency = "EUR", rate = 90m, validFrom = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ANL03_a_new_rate_reprices_the_search_entries_of_its_currency_so_price_sorts_follow()
    {
        await app.WithDb(async db =>
        {
            foreach (var (currency, price) in new[] { ("BYN", 100_00L), ("BYN", 12_345L), ("RUB", 500_00L) })
            {
                db.Add(new ListingSearchEntry
                {
                    ListingId = Guid.NewGuid(), OwnerId = Guid.NewGuid(), Type = ListingType.Offer, CategoryId = 1, Country = "RU",
                    Currency = currency, Price = price, PriceBase = price, PostedAt = app.Clock.GetUtcNow().UtcDateTime, Title = "Lot", Description = "Lot",
                });
            }
            await db.SaveChangesAsync();
        });
        var ops = await Operators.TokenAsync(app);
        await AnalyticsSteps.SetRateAsync(app, ops, "BYN", 30.5m, "2026-03-02");
        var entries = await app.WithDb(db => db.Set<ListingSearchEntry>().AsNoTracking().Where(e => e.Title == "Lot").OrderBy(e => e.Id).ToListAsync());
        // 100.00 BYN → 3050.00 RUB; 123.45 BYN → 3765.225 → 3765.23 (half away from zero, in minor units).
        Assert.Equal([305_000L, 376_523L, 50_000L], entries.Select(e => e.PriceBase!.Value).ToArray());

        // A rate dated back before today's rate does not change today's price.
        await AnalyticsSteps.SetRateAsync(app, ops, "BYN", 25m, "2026-01-01");
        Assert.Equal(305_000L, await app.WithDb(db => db.Set<ListingSearchEntry>().Where(e => e.Currency == "BYN" && e.Price == 100_00).Select(e => e.PriceBase).SingleAsync()));
        var current = await (await app.Api().GetAsync("/api/v1/exchange-rates")).JsonAsync();
        var byn = current.EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "BYN");
        Assert.Equal(30.5m, byn.GetProperty("rate").GetDecimal());
        Assert.Equal("2026-03-02", byn.GetProperty("validFrom").GetString());
    }

    [Fact]
    public async Task ANL03_the_operator_page_lists_rates_and_sets_one()
    {
        using var browser = await Operators.ConsoleBrowserAsync(app);
        var (response, page) = await browser.GetAsync("/operator/exchange-rates");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("KZT", page.QuerySelector("table")!.TextContent);
        var bad = await browser.SubmitAsync("/operator/exchange-rates", "Set the rate", new() { ["Currency"] = "KZT", ["Rate"] = "0", ["ValidFrom"] = "2026-03-01" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("greater than zero", await bad.Content.ReadAsStringAsync());
        var done = await browser.SubmitAsync("/operator/exchange-rates", "Set the rate", new() { ["Currency"] = "KZT", ["Rate"] = "0,1825", ["ValidFrom"] = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0.1825m, await app.WithDb(db => db.Set<ExchangeRate>().Where(r => r.Currency == "KZT" && r.ValidFrom == new DateOnly(2026, 3, 1)).Select(r => r.Rate).SingleAsync()));

        var member = await Members.RegisterAsync(app);
        var outsider = new Browser(app);
        await outsider.SignInAsync(member.Email, member.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await outsider.GetAsync("/operator/exchange-rates")).Response.StatusCode);
    }
}

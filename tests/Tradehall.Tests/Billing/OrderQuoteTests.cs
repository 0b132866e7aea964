using Tradehall.Core.Billing.Services;
using Tradehall.Core.Shared;
using static Tradehall.Tests.Billing.CatalogueSteps;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-07: the summary shown before an order — what the order would charge, for which period, and what the balance lacks.</summary>
public sealed class OrderQuoteTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private async Task<OrderQuote> QuoteAsync(Guid memberId, Guid tariffId, string culture = "en")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Ordering>().QuoteAsync(memberId, tariffId, culture, CancellationToken.None);
    }

    [Fact]
    public async Task BIL07_the_order_summary_names_the_price_the_period_and_the_balance_after_and_charges_nothing()
    {
        var s = await Subscribers.CreateAsync(app, 5000m);
        using var client = app.Api(s.Member.Token);
        var quote = await QuoteAsync(s.Member.Id, s.Tariff);
        Assert.Equal(("analytics", "Market analytics", "Analytics"), (quote.Kind, quote.KindName, quote.TariffName));
        Assert.Equal(2490m, quote.Price);
        Assert.Equal("RUB", quote.Currency);
        Assert.Equal(Today, quote.PeriodStart);
        Assert.Equal(Today.AddMonths(1), quote.PeriodEnd);
        Assert.Equal((5000m, 2510m, 0m), (quote.Balance, quote.BalanceAfter, quote.Shortfall));
        Assert.Equal("Рыночная аналитика", (await QuoteAsync(s.Member.Id, s.Tariff, "ru-RU")).KindName);
        Assert.Equal(5000m, await Subscribers.BalanceAsync(client));

        // The order then does what the summary said.
        var ordered = await (await Subscribers.OrderAsync(client, s.Tariff)).JsonAsync();
        Assert.Equal(quote.PeriodEnd, DateOnly.Parse(ordered.GetProperty("periodEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(quote.BalanceAfter, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL07_a_balance_that_does_not_cover_the_price_is_named_as_the_shortfall()
    {
        var s = await Subscribers.CreateAsync(app, 1000m);
        var quote = await QuoteAsync(s.Member.Id, s.Tariff);
        Assert.Equal(1490m, quote.Shortfall);
        Assert.Equal(-1490m, quote.BalanceAfter);

        // Exactly the shortfall more is enough: the order goes through and leaves nothing.
        await Subscribers.TopUpAsync(app, s.Number, quote.Shortfall);
        Assert.Equal(0m, (await QuoteAsync(s.Member.Id, s.Tariff)).Shortfall);
        using var client = app.Api(s.Member.Token);
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, s.Tariff)).StatusCode);
        Assert.Equal(0m, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL07_the_summary_refuses_what_the_order_would_refuse()
    {
        var noLegal = await Subscribers.CreateAsync(app, 5000m, legal: false);
        var refused = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(noLegal.Member.Id, noLegal.Tariff));
        Assert.Equal(("billing.legal_data_required", 403), (refused.Code, refused.Status));

        var s = await Subscribers.CreateAsync(app, 5000m);
        await Subscribers.OrderFirstAsync(app, s.Member);
        refused = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(s.Member.Id, s.Tariff));
        Assert.Equal(("billing.already_subscribed", 409), (refused.Code, refused.Status));

        refused = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(s.Member.Id, Guid.NewGuid()));
        Assert.Equal("billing.unknown_tariff", refused.Code);
    }

    [Fact]
    public async Task BIL07_a_tariff_the_operator_confirms_has_no_period_dates_until_then()
    {
        using var ops = app.Api(await Operators.TokenAsync(app));
        var tariff = await TariffAsync(ops, await KindAsync(ops), 1200m, months: 12, confirmation: true, refundable: false);
        var (member, _) = await SubscriberAsync(app, 2000m);
        var quote = await QuoteAsync(member.Id, tariff);
        Assert.True(quote.ConfirmationRequired);
        Assert.False(quote.Refundable);
        Assert.Equal(12, quote.PeriodMonths);
        Assert.Null(quote.PeriodStart);
        Assert.Null(quote.PeriodEnd);
        Assert.Equal(800m, quote.BalanceAfter);
    }
}

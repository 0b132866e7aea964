using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Billing;

public sealed class CancellationTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    [Theory]
    [InlineData("2026-01-31", 3, "2026-01-31", 2)]
    [InlineData("2026-01-31", 3, "2026-02-27", 2)]
    [InlineData("2026-01-31", 3, "2026-02-28", 1)]
    [InlineData("2026-01-31", 3, "2026-03-30", 1)]
    [InlineData("2026-01-31", 3, "2026-03-31", 0)]
    [InlineData("2026-03-02", 1, "2026-03-02", 0)]
    [InlineData("2028-02-29", 12, "2028-03-28", 11)]
    public void BIL16_only_months_not_yet_begun_are_unused(string start, int months, string today, int unused) =>
        Assert.Equal(unused, Cancellation.UnusedFullMonths(D(start), months, D(today)));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(TestMember Member, HttpClient Client, Guid Service)> OrderedAsync(long price, int months, bool refundable)
    {
        var tariff = await app.WithDb(async db =>
        {
            var kind = await db.Set<ServiceKind>().FirstAsync(k => k.Code == ServiceCatalog.Analytics);
            var t = new Tariff { KindId = kind.Id, Name = $"Analytics {months} months", Price = price, PeriodMonths = months, Refundable = refundable, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var member = await Members.RegisterAsync(app);
        var client = app.Api(member.Token);
        (await client.PutAsJsonAsync("/api/v1/me/legal", new
        {
            type = "individual", resident = true, country = "RU", notificationPhone = member.Phone, email = member.Email,
            lastName = "Koroleva", firstName = "Elena", documentType = "Passport", documentNumber = "4510 123456", documentIssuedOn = "2012-05-04",
        })).EnsureSuccessStatusCode();
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        await PaymentsApiTests.GatewayAsync(app, new { paymentId = Guid.NewGuid().ToString("N"), accountNumber = number, amount = price / 100m, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" });
        using var order = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/services") { Content = JsonContent.Create(new { tariffId = tariff, autoRenew = true }) };
        order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var service = await (await client.SendAsync(order)).JsonAsync();
        return (member, client, service.GetProperty("id").GetGuid());
    }

    private static async Task<HttpResponseMessage> Cancel(HttpClient client, Guid service, bool immediately, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/services/{service}/cancel") { Content = JsonContent.Create(new { immediately }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task<decimal> Balance(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal();

    [Fact]
    public async Task BIL15_cancelling_stops_renewal_and_keeps_the_paid_period()
    {
        var (_, client, service) = await OrderedAsync(90_000, 1, refundable: true);
        var response = await Cancel(client, service, immediately: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.False(result.GetProperty("service").GetProperty("autoRenew").GetBoolean());
        Assert.Equal("active", result.GetProperty("service").GetProperty("status").GetString());
        Assert.Equal(0m, result.GetProperty("refunded").GetDecimal());
    }

    [Fact]
    public async Task BIL16_cancelling_at_once_returns_full_unused_months_only_once()
    {
        var (_, client, service) = await OrderedAsync(300_000, 3, refundable: true);
        Assert.Equal(0m, await Balance(client));
        var key = Guid.NewGuid().ToString();
        var result = await (await Cancel(client, service, immediately: true, key)).JsonAsync();
        Assert.Equal(2000m, result.GetProperty("refunded").GetDecimal());
        Assert.Equal("stopped", result.GetProperty("service").GetProperty("status").GetString());
        Assert.Equal(2000m, await Balance(client));
        Assert.Equal(HttpStatusCode.OK, (await Cancel(client, service, immediately: true, key)).StatusCode);
        Assert.Equal(2000m, await Balance(client));
        Assert.Equal(HttpStatusCode.Conflict, (await Cancel(client, service, immediately: true)).StatusCode);
    }

    [Fact]
    public async Task BIL16_non_refundable_kinds_get_nothing_back()
    {
        var (_, client, service) = await OrderedAsync(300_000, 3, refundable: false);
        var result = await (await Cancel(client, service, immediately: true)).JsonAsync();
        Assert.Equal(0m, result.GetProperty("refunded").GetDecimal());
        Assert.Equal(0m, await Balance(client));
    }

    [Fact]
    public async Task SEC05_a_member_cannot_cancel_another_members_service()
    {
        var (_, _, service) = await OrderedAsync(90_000, 1, refundable: true);
        var other = await Members.RegisterAsync(app);
        using var client = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await Cancel(client, service, immediately: true)).StatusCode);
    }

    private async Task<CancelQuote> QuoteAsync(Guid memberId, Guid service)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Cancellation>().QuoteAsync(memberId, service, "en", CancellationToken.None);
    }

    [Fact]
    public async Task BIL16_the_cancel_summary_shows_the_refund_the_cancellation_then_pays()
    {
        var (member, client, service) = await OrderedAsync(300_000, 3, refundable: true);
        var quote = await QuoteAsync(member.Id, service);
        Assert.Equal((2, 2000m, 1000m), (quote.UnusedMonths, quote.Refund, quote.NotRefunded));
        Assert.Equal(quote.PeriodStart!.Value.AddMonths(1), quote.UnusedFrom);
        Assert.Equal((0m, 2000m), (quote.Balance, quote.BalanceAfter));
        Assert.Equal(0m, await Balance(client));

        var result = await (await Cancel(client, service, immediately: true)).JsonAsync();
        Assert.Equal(quote.Refund, result.GetProperty("refunded").GetDecimal());
        Assert.Equal(quote.BalanceAfter, await Balance(client));
        var refused = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(member.Id, service));
        Assert.Equal("billing.service_stopped", refused.Code);
    }

    [Fact]
    public async Task BIL16_the_cancel_summary_of_a_tariff_that_is_not_refundable_keeps_the_whole_price()
    {
        var (member, _, service) = await OrderedAsync(300_000, 3, refundable: false);
        var quote = await QuoteAsync(member.Id, service);
        Assert.Equal((0m, 3000m, 0m), (quote.Refund, quote.NotRefunded, quote.BalanceAfter));
        Assert.False(quote.Refundable);
    }

    [Fact]
    public async Task SEC05_a_member_cannot_see_the_cancel_summary_of_another_members_service()
    {
        var (_, _, service) = await OrderedAsync(90_000, 1, refundable: true);
        var other = await Members.RegisterAsync(app);
        var refused = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(other.Id, service));
        Assert.Equal(404, refused.Status);
    }
}

using System.Text;

namespace Tradehall.Tests.Billing;

/// <summary>
/// SEC-07, SEC-10: money arrives as a JSON number only, and a replayed payment id is harmless only when it
/// repeats the payment; with another amount or account it is refused (409) and credits nothing.
/// </summary>
public sealed class GatewayStrictnessTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private Task<(TestMember Member, string Number)> SubscriberAsync() => PaymentsApiTests.SubscriberAsync(app);

    private Task<decimal> BalanceAsync(TestMember member) => PaymentsApiTests.BalanceAsync(app, member);

    private Task<HttpResponseMessage> SignedAsync(string body) => PaymentsApiTests.GatewayBodyAsync(app, body);

    private static object Payment(string id, string number, decimal amount) =>
        new { paymentId = id, accountNumber = number, amount, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" };

    [Fact]
    public async Task SEC07_a_gateway_amount_sent_as_a_string_is_refused_naming_amount()
    {
        var (member, number) = await SubscriberAsync();
        var response = await SignedAsync($$"""{"paymentId":"{{Guid.NewGuid():N}}","accountNumber":"{{number}}","amount":"100","currency":"RUB","paidAt":"2026-03-02T09:00:00Z"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal(0m, await BalanceAsync(member));
    }

    [Fact]
    public async Task SEC07_api_numbers_sent_as_strings_are_refused_everywhere()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.PostAsync("/api/v1/billing/invoices", new StringContent("""{"amount":"100"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("amount", out _));
    }

    [Fact]
    public async Task SEC10_a_replayed_payment_id_with_another_amount_or_account_is_409_and_credits_nothing()
    {
        var (member, number) = await SubscriberAsync();
        var (other, otherNumber) = await SubscriberAsync();
        var id = "pay-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await PaymentsApiTests.GatewayAsync(app, Payment(id, number, 100m))).StatusCode);

        var amount = await PaymentsApiTests.GatewayAsync(app, Payment(id, number, 1000m));
        Assert.Equal(HttpStatusCode.Conflict, amount.StatusCode);
        Assert.Equal("application/problem+json", amount.Content.Headers.ContentType?.MediaType);
        var problem = await amount.JsonAsync();
        Assert.Equal("billing.payment_conflict", problem.GetProperty("code").GetString());
        Assert.Equal(["amount"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var account = await PaymentsApiTests.GatewayAsync(app, Payment(id, otherNumber, 100m));
        Assert.Equal(HttpStatusCode.Conflict, account.StatusCode);
        Assert.Equal(["accountNumber"], (await account.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        // The identical replay is still a harmless 200.
        var same = await PaymentsApiTests.GatewayAsync(app, Payment(id, number, 100.00m));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.True((await same.JsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Equal(100m, await BalanceAsync(member));
        Assert.Equal(0m, await BalanceAsync(other));
    }
}

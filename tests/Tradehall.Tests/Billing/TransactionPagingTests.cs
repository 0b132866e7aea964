using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-21: the ledger lines of an account are paged, newest first; the answer stays the array §15 fixes.</summary>
public sealed class TransactionPagingTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<TestMember> PaidFiveTimesAsync()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        for (var i = 1; i <= 5; i++)
        {
            var paid = await PaymentsApiTests.GatewayAsync(app, new { paymentId = Guid.NewGuid().ToString("N"), accountNumber = number, amount = i * 10m, currency = "RUB" });
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        }
        return member;
    }

    [Fact]
    public async Task BIL21_transactions_are_paged_newest_first_with_the_total_and_links_in_headers()
    {
        var member = await PaidFiveTimesAsync();
        using var client = app.Api(member.Token);

        var first = await client.GetAsync("/api/v1/billing/transactions?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var lines = await first.JsonAsync();
        Assert.Equal([50m, 40m], lines.EnumerateArray().Select(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(["amount", "at", "balanceAfter", "description", "id", "kind"], lines[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains("page=2", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", link, StringComparison.Ordinal);

        var last = await client.GetAsync("/api/v1/billing/transactions?page=3&pageSize=2");
        Assert.Equal([10m], (await last.JsonAsync()).EnumerateArray().Select(l => l.GetProperty("amount").GetDecimal()));
        var back = last.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"prev\"", back, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", back, StringComparison.Ordinal);

        // Without paging parameters the first page of the configured size answers, as before.
        Assert.Equal(5, (await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=1001")]
    public async Task BIL21_a_page_out_of_range_is_refused_naming_the_field(string query)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.GetAsync("/api/v1/billing/transactions?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(query.Split('=')[0], out _));
    }

    [Fact]
    public async Task BIL02_ledger_verification_pages_its_findings_in_a_stable_order()
    {
        await app.WithDb(db => LedgerVerification.ProblemsAsync(db));
        var warned = app.Logs.Entries.Where(e => e.EventId.Id == CoreEventId.RowLimitingOperationWithoutOrderByWarning.Id).Select(e => e.Message).ToList();
        Assert.True(warned.Count == 0, string.Join("\n", warned));
    }
}

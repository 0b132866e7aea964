using Microsoft.Extensions.Logging;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Hosting;

/// <summary>
/// SEC-09, RUN-05: what a caller caused (a missing page, a replayed payment, a repeated contact request) is not
/// logged as an error, so the errors that remain are ours and worth an alert.
/// </summary>
public sealed class ExpectedErrorLogTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private List<LogEntry> ErrorsSince(int mark) =>
        app.Logs.Entries.Skip(mark).Where(e => e.Level >= LogLevel.Error).ToList();

    private static string Describe(IEnumerable<LogEntry> entries) => string.Join("\n", entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    [Fact]
    public async Task SEC09_a_page_that_does_not_exist_is_not_logged_as_an_error()
    {
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        var mark = app.Logs.Entries.Count;
        var (response, _) = await browser.GetAsync($"/chats/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/chats/{Guid.NewGuid()}/messages")).StatusCode);
        var errors = ErrorsSince(mark);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task SEC09_racing_replays_of_a_gateway_payment_credit_once_and_log_no_error()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        var payment = new { paymentId = "race-" + Guid.NewGuid().ToString("N"), accountNumber = number, amount = 250m, currency = "RUB" };
        var mark = app.Logs.Entries.Count;
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PaymentsApiTests.GatewayAsync(app, payment)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(250m, (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("balance").GetDecimal());
        var errors = ErrorsSince(mark);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task SEC09_racing_contact_requests_of_one_pair_make_one_request_and_log_no_error()
    {
        var a = await Members.RegisterAsync(app);
        var b = await Members.RegisterAsync(app);
        using var client = app.Api(a.Token);
        var mark = app.Logs.Entries.Count;
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync("/api/v1/contacts", new { to = b.Id.ToString() })));
        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var errors = ErrorsSince(mark);
        Assert.True(errors.Count == 0, Describe(errors));
    }
}

using Tradehall.Core.Accounts;
using System.Diagnostics;

namespace Tradehall.Tests.Hosting;

/// <summary>The <c>tradehall</c> executable's verbs, run as a separate process the way an operator runs them.</summary>
public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> Tradehall(TestDatabase database, params string[] args) =>
        TradehallProcess.RunAsync(database, "Production", null, args);

    [Fact]
    public async Task ACC10_admin_create_makes_a_confirmed_operator_who_can_sign_in()
    {
        using var app = new TradehallApp();
        using var _ = app.Api();
        var (exit, output, error) = await Tradehall(app.Database, "admin", "create", "--email", "chief@operator.example.org", "--password", "Operator pass phrase 2026");
        Assert.True(exit == 0, output + error);
        Assert.Contains("operator created", output, StringComparison.Ordinal);

        using var client = app.Api();
        var token = await (await client.PostAsJsonAsync("/api/v1/tokens", new { email = "chief@operator.example.org", password = "Operator pass phrase 2026", name = "console" })).JsonAsync();
        using var signedIn = app.Api(token.GetProperty("token").GetString());
        var me = await (await signedIn.GetAsync("/api/v1/me")).JsonAsync();
        Assert.True(me.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal("operator", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task SEC05_admin_token_prints_only_a_working_operator_token_for_staff()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        var (created, createdOut, createdErr) = await Tradehall(app.Database, "admin", "create", "--email", "robot@operator.example.org", "--password", "Operator pass phrase 2026");
        Assert.True(created == 0, createdOut + createdErr);

        var (exit, output, error) = await Tradehall(app.Database, "admin", "token", "--email", "robot@operator.example.org", "--name", "Nightly export");
        Assert.True(exit == 0, output + error);
        var token = output.Trim();
        Assert.Matches("^th_[A-Za-z0-9_-]+$", token);
        using var client = app.Api(token);
        var number = (await (await app.Api(member.Token).GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/accounts/{number}/credits")
        {
            Content = JsonContent.Create(new { amount = 50m, reason = "Automation check" }),
        };
        request.Headers.Add("Idempotency-Key", "cli-token-check");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        var (refused, refusedOut, refusedErr) = await Tradehall(app.Database, "admin", "token", "--email", member.Email, "--name", "Not staff");
        Assert.Equal(1, refused);
        Assert.Equal("", refusedOut.Trim());
        Assert.Contains("No active staff account", refusedErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACC10_admin_create_refuses_a_weak_password_and_creates_nothing()
    {
        using var app = new TradehallApp();
        using var _ = app.Api();
        var (exit, _, error) = await Tradehall(app.Database, "admin", "create", "--email", "weak@operator.example.org", "--password", "admin");
        Assert.NotEqual(0, exit);
        Assert.Contains("at least 10", error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.Set<Member>().CountAsync()));
    }

    [Fact]
    public async Task ARC01_archive_verify_passes_then_catches_tampering()
    {
        using var app = new TradehallApp();
        await Members.RegisterAsync(app);
        var (exit, output, _) = await Tradehall(app.Database, "archive", "verify");
        Assert.Equal(0, exit);
        Assert.StartsWith("intact", output, StringComparison.Ordinal);

        await app.WithDb(db => db.Database.ExecuteSqlAsync($"UPDATE archive_records SET \"Ip\" = '203.0.113.9' WHERE \"Sequence\" = 1"));
        var (brokenExit, _, brokenError) = await Tradehall(app.Database, "archive", "verify");
        Assert.Equal(1, brokenExit);
        Assert.Contains("record 1 was altered", brokenError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BIL02_ledger_verify_prints_balanced_after_real_payments()
    {
        using var app = new TradehallApp { Settings = { ["Billing:Gateway:Secret"] = Billing.PaymentsApiTests.Secret } };
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var number = (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
        await Billing.PaymentsApiTests.GatewayAsync(app, new { paymentId = "p1", accountNumber = number, amount = 99.99m, currency = "RUB", paidAt = "2026-03-02T09:00:00Z" });
        var (exit, output, error) = await Tradehall(app.Database, "ledger", "verify");
        Assert.True(exit == 0, output + error);
        Assert.Equal("balanced", output.Trim());
    }

    [Fact]
    public async Task RUN02_db_migrate_builds_an_empty_database_and_is_repeatable()
    {
        using var database = new TestDatabase();
        var first = await Tradehall(database, "db", "migrate");
        Assert.True(first.Exit == 0, first.Out + first.Err);
        var second = await Tradehall(database, "db", "migrate");
        Assert.Equal(0, second.Exit);
        await using var db = Data.SchemaTests.Context(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("admin", "create", "--email", "x@example.org")]
    [InlineData("db")]
    public async Task RUN01_unknown_verbs_and_bad_arguments_print_usage_and_fail(params string[] args)
    {
        using var database = new TestDatabase();
        var (exit, output, error) = await Tradehall(database, args);
        Assert.NotEqual(0, exit);
        Assert.Contains("Usage", output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RUN05_health_ready_answers_when_the_database_does()
    {
        using var app = new TradehallApp();
        using var client = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}

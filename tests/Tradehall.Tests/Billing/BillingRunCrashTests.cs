using System.Globalization;
using System.Text.RegularExpressions;

namespace Tradehall.Tests.Billing;

/// <summary>
/// The billing run as operators run it — <c>tradehall billing run</c> in a process of its own — killed midway
/// and started again, against the same load billed without interruption.
/// </summary>
public sealed partial class BillingRunCrashTests
{
    private const int Services = 4_000;
    private const string DueOn = "2026-11-02";
    private static readonly Dictionary<string, string> SmallBatches = new() { ["Billing:Run:BatchSize"] = "20" };

    private const string ServiceStates = """
        SELECT a."Number", t."Name", s."Status", s."Period", s."PeriodStart", s."PeriodEnd", s."SuspendedOn"
        FROM billing_services s JOIN billing_accounts a ON a."Id" = s."BillingAccountId" JOIN billing_tariffs t ON t."Id" = s."TariffId"
        ORDER BY a."Number", t."Name"
        """;

    private const string AccountStates = """
        SELECT a."Number", a."Status", l."Balance", (SELECT COUNT(*) FROM billing_ledger_entries e WHERE e."AccountId" = l."Id")
        FROM billing_accounts a JOIN billing_ledger_accounts l ON l."Id" = a."LedgerAccountId" ORDER BY a."Number"
        """;

    private const string Billed = """SELECT COUNT(*) FROM billing_services WHERE "Period" = 2 OR "Status" <> 2""";

    private static async Task SeedAsync(TestDatabase database)
    {
        var (exit, output, error) = await TradehallProcess.RunAsync(database, "Production", null,
            "demo", "seed", "--services", Services.ToString(CultureInfo.InvariantCulture), "--due-on", DueOn);
        Assert.True(exit == 0, output + error);
    }

    private static async Task<string> RunToEndAsync(TestDatabase database)
    {
        var (exit, output, error) = await TradehallProcess.RunAsync(database, "Development", SmallBatches, "billing", "run", "--as-of", DueOn);
        Assert.True(exit == 0, output + error);
        return output;
    }

    [GeneratedRegex(@"^renew\s+\[[#.]*\]\s+[1-9][0-9]*/")]
    private static partial Regex FirstBatchCommitted();

    [Fact]
    public async Task BIL09_a_billing_run_killed_midway_and_started_again_ends_exactly_as_an_uninterrupted_run()
    {
        using var crashed = new TestDatabase();
        using var steady = new TestDatabase();
        await Task.WhenAll(SeedAsync(crashed), SeedAsync(steady));

        var uninterrupted = await RunToEndAsync(steady);
        Assert.Contains("renewed=", uninterrupted, StringComparison.Ordinal);

        using (var run = TradehallProcess.Start(crashed, "Development", SmallBatches, "billing", "run", "--as-of", DueOn))
        {
            // The run logs its first committed batch of renewals on standard error; the test kills it right there.
            var answer = run.StandardOutput.ReadToEndAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            string? line;
            while ((line = await run.StandardError.ReadLineAsync(patience.Token)) is not null && !FirstBatchCommitted().IsMatch(line))
            {
            }
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
            await answer;
        }
        var atKill = long.Parse((await crashed.RowsAsync(Billed))[0], CultureInfo.InvariantCulture);
        Assert.InRange(atKill, 1, Services - 1);

        await RunToEndAsync(crashed);
        Assert.Equal(await steady.RowsAsync(ServiceStates), await crashed.RowsAsync(ServiceStates));
        Assert.Equal(await steady.RowsAsync(AccountStates), await crashed.RowsAsync(AccountStates));

        foreach (var verb in new[] { "ledger", "archive" })
        {
            var (exit, output, error) = await TradehallProcess.RunAsync(crashed, "Production", null, verb, "verify");
            Assert.True(exit == 0, output + error);
        }
    }
}

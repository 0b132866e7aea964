using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Documents.Certificates;
using Tradehall.Tests.Documents;

namespace Tradehall.Tests.Billing;

/// <summary>
/// BIL-13, DOC-01: a daily billing run that dies in the middle of charging penalties or of issuing certificates — the statement
/// in flight fails and the process is gone — and is started again ends exactly where an uninterrupted run ends: no penalty and
/// no certificate twice, none missing.
/// </summary>
public sealed class BillingRunInterruptionTests
{
    /// <summary>
    /// Fails the first statement that writes to <see cref="Table"/> while armed, as a process killed at that moment would: with a
    /// cancellation, which nothing retries, so the run ends there and its open transaction is rolled back.
    /// </summary>
    private sealed class Breaker : DbCommandInterceptor
    {
        public volatile string? Table;

        private void Check(DbCommand command)
        {
            if (Table is { } table && command.CommandText.Contains("INSERT INTO", StringComparison.Ordinal) && command.CommandText.Contains(table, StringComparison.Ordinal))
            {
                Table = null;
                throw new OperationCanceledException($"The billing run was stopped while writing to {table}.");
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class App : TradehallApp
    {
        public Breaker Breaker { get; } = new();

        public App()
        {
            Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
            Clock = new(CertificateSteps.At(Start));
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Breaker));
        }
    }

    private static readonly DateOnly Start = new(2027, 1, 11);

    /// <summary>The day the first reporting period ends (certificates) with the credit invoices long overdue (penalties).</summary>
    private static readonly DateOnly RunDay = Start.AddMonths(1);

    /// <summary>Legal entities and entrepreneurs who ordered on credit, whose debt invoices fall overdue three days on.</summary>
    private static async Task SeedAsync(App app)
    {
        for (var i = 0; i < 4; i++)
        {
            await CertificateSteps.SubscribedAsync(app, 0m, i % 2 == 0 ? "legalEntity" : "entrepreneur", creditLimit: 5000m);
        }
        await CertificateSteps.RunAsync(app, Start.AddDays(5));
    }

    /// <summary>What the run leaves, per account: balance, penalties, services and certificates.</summary>
    private static Task<string[]> StateAsync(App app) => app.WithDb(async db =>
    {
        // Subscribers in the order they joined (account numbers are random; the operators who granted credit have no services).
        var accounts = (await db.Set<BillingAccount>().AsNoTracking().Where(a => db.Set<SubscribedService>().Any(s => s.BillingAccountId == a.Id))
            .Join(db.Set<LedgerAccount>(), a => a.LedgerAccountId, l => l.Id, (a, l) => new { a.MemberId, a.Status, l.Balance, LedgerId = l.Id })
            .ToListAsync()).OrderBy(a => a.MemberId).ToList();
        var lines = new List<string>();
        foreach (var a in accounts)
        {
            var penalties = await db.Set<LedgerEntry>().Where(e => e.AccountId == a.LedgerId)
                .Join(db.Set<LedgerTransaction>().Where(t => t.Kind == "penalty"), e => e.TransactionId, t => t.Id, (e, t) => e.Amount).ToListAsync();
            var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => c.MemberId == a.MemberId).OrderBy(c => c.Number).ToListAsync();
            lines.Add($"{a.Status} {a.Balance} penalties {penalties.Count}={penalties.Sum()} certificates ["
                + string.Join("; ", certificates.Select(c => $"{c.PeriodFrom:yyyy-MM-dd}..{c.PeriodTo:yyyy-MM-dd} {c.Amount} {c.Status}")) + "]");
        }
        // Numbers follow the database's order of members, which differs between the two sites: compared as one run without gaps.
        lines.Add(string.Join(" ", (await db.Set<Certificate>().Select(c => c.Number).ToListAsync()).Order(StringComparer.Ordinal)));
        return lines.ToArray();
    });

    [Theory]
    [InlineData("billing_ledger_transactions")]
    [InlineData("documents_certificates")]
    public async Task BIL13_DOC01_a_run_stopped_while_writing_penalties_or_certificates_and_started_again_ends_as_an_uninterrupted_run(string table)
    {
        using var steady = new App();
        using var stopped = new App();
        await SeedAsync(steady);
        await SeedAsync(stopped);

        await CertificateSteps.RunAsync(steady, RunDay);
        stopped.Breaker.Table = table;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CertificateSteps.RunAsync(stopped, RunDay));
        Assert.Null(stopped.Breaker.Table);
        await CertificateSteps.RunAsync(stopped, RunDay);

        var expected = await StateAsync(steady);
        Assert.Equal(expected, await StateAsync(stopped));
        // The day really charged penalties and issued certificates, so the stop fell in the middle of real work.
        Assert.All(expected[..^1], line => Assert.DoesNotContain("penalties 0=", line, StringComparison.Ordinal));
        Assert.All(expected[..^1], line => Assert.DoesNotContain("certificates []", line, StringComparison.Ordinal));
        Assert.Empty(await stopped.WithDb(db => LedgerVerification.ProblemsAsync(db)));
    }
}

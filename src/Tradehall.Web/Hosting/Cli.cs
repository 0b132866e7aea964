using System.CommandLine;
using Microsoft.Extensions.Logging.Console;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Data;
using Tradehall.Demo;

namespace Tradehall.Web.Hosting;

/// <summary>
/// The <c>tradehall</c> executable: <c>serve</c> (the default), <c>db migrate</c>, <c>admin create</c>, <c>admin token</c>,
/// <c>archive verify</c>, <c>archive checkpoint</c>, <c>ledger verify</c>, <c>billing run</c>, <c>demo seed</c>. Unknown verbs and bad arguments print usage and exit non-zero.
/// </summary>
public static class Cli
{
    /// <summary>The application for a verb: logs go to standard error, so standard output carries only the verb's answer.</summary>
    private static WebApplication Tool() =>
        Site.Build([], builder => builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

    public static async Task<int> RunAsync(string[] args)
    {
        // Host switches (--urls, --environment ...) with no verb mean "serve".
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version"))
        {
            await Site.Build(args).RunAsync();
            return 0;
        }

        var root = new RootCommand("Tradehall: a B2B trade network and marketplace with prepaid billing.");

        var serve = new Command("serve", "Run the site (the default).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(async (parse, ct) =>
        {
            await Site.Build([.. parse.UnmatchedTokens]).RunAsync(ct);
            return 0;
        });
        root.Subcommands.Add(serve);

        var db = new Command("db", "Database maintenance.");
        var migrate = new Command("migrate", "Apply pending migrations (a SQLite file is copied aside first).");
        migrate.SetAction(async (_, ct) =>
        {
            await using var app = Tool();
            await DataModule.MigrateAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), ct);
            await Console.Out.WriteLineAsync("migrated");
            return 0;
        });
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);

        var admin = new Command("admin", "Staff accounts.");
        var email = new Option<string>("--email") { Description = "The operator's email address.", Required = true };
        var password = new Option<string>("--password") { Description = "The operator's password (at least 10 characters, not a common one).", Required = true };
        var create = new Command("create", "Create a confirmed operator account.") { email, password };
        create.SetAction(async (parse, ct) =>
        {
            await using var app = Tool();
            await DataModule.MigrateAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), ct);
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var member = await scope.ServiceProvider.GetRequiredService<Staff>()
                    .CreateOperatorAsync(parse.GetRequiredValue(email), parse.GetRequiredValue(password), cancellationToken: ct);
                await Console.Out.WriteLineAsync($"operator created: {member.Id}");
                return 0;
            }
            catch (Tradehall.Core.Shared.DomainException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        admin.Subcommands.Add(create);

        var staffEmail = new Option<string>("--email") { Description = "The staff member's email address.", Required = true };
        var tokenName = new Option<string>("--name") { Description = "What the token is for, e.g. the program that uses it.", Required = true };
        var token = new Command("token", "Print a new API token with the staff member's scopes (for automation on this server).") { staffEmail, tokenName };
        token.SetAction(async (parse, ct) =>
        {
            await using var app = Tool();
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var issued = await scope.ServiceProvider.GetRequiredService<Staff>()
                    .IssueTokenAsync(parse.GetRequiredValue(staffEmail), parse.GetRequiredValue(tokenName), ct);
                await Console.Out.WriteLineAsync(issued.Token);
                return 0;
            }
            catch (Tradehall.Core.Shared.DomainException e)
            {
                await Console.Error.WriteLineAsync(e.Errors.Count > 0 ? string.Join(" ", e.Errors.Values.SelectMany(v => v)) : e.Message);
                return 1;
            }
        });
        admin.Subcommands.Add(token);
        root.Subcommands.Add(admin);

        var archive = ArchiveCommands.Create(Tool);
        root.Subcommands.Add(archive);

        var ledger = new Command("ledger", "The double-entry ledger (BIL-02).");
        var ledgerVerify = new Command("verify", "Prove the ledger's invariants; exit 0 and print 'balanced' when they hold.");
        ledgerVerify.SetAction(async (_, ct) =>
        {
            await using var app = Tool();
            await using var scope = app.Services.CreateAsyncScope();
            var problems = await LedgerVerification.ProblemsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            if (problems.Count == 0)
            {
                await Console.Out.WriteLineAsync("balanced");
                return 0;
            }
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }
            return 1;
        });
        ledger.Subcommands.Add(ledgerVerify);
        root.Subcommands.Add(ledger);

        var billing = new Command("billing", "Billing jobs (BIL-09..11).");
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Bill as if today were this day (YYYY-MM-DD); Development environment only." };
        var run = new Command("run", "The daily billing run: renew, suspend, resume, warn and delete for every service due.") { asOf };
        run.SetAction(async (parse, ct) =>
        {
            await using var app = Tool();
            var day = parse.GetValue(asOf);
            if (day is not null && !app.Environment.IsDevelopment())
            {
                await Console.Error.WriteLineAsync("--as-of is accepted only in the Development environment.");
                return 2;
            }
            await using var scope = app.Services.CreateAsyncScope();
            var site = scope.ServiceProvider.GetRequiredService<IOptions<TradehallOptions>>().Value;
            var today = day ?? app.Services.GetRequiredService<TimeProvider>().Today(site.Zone);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(today, new ConsoleProgress(), ct);
            if (report is null)
            {
                await Console.Error.WriteLineAsync("Another node is running the billing run; nothing was done here.");
                return 3;
            }
            await Console.Out.WriteLineAsync(FormattableString.Invariant(
                $"billing run {report.AsOf:yyyy-MM-dd}: renewed={report.Renewed} stopped={report.Stopped} suspended={report.Suspended} resumed={report.Resumed} warned={report.ReserveWarned} deleted={report.Deleted} penalties={report.Debts?.Penalties ?? 0} suspendedForDebt={report.Debts?.Suspended ?? 0} terminated={(report.Debts?.Terminated ?? 0) + report.Contracts.Ended} extended={report.Contracts.Extended} seconds={clock.Elapsed.TotalSeconds:0.00}"));
            return 0;
        });
        billing.Subcommands.Add(run);
        root.Subcommands.Add(billing);

        var demo = new Command("demo", "Demo and load data.");
        var count = new Option<int>("--services") { Description = "How many subscriptions to create (two per member).", DefaultValueFactory = _ => 1_000 };
        var dueOn = new Option<DateOnly?>("--due-on") { Description = "The day the subscriptions fall due (YYYY-MM-DD); today by default." };
        var listings = new Option<int?>("--listings") { Description = "Seed a market of this many listings over the last 18 months, with traders and companies (no subscriptions unless --services is given too)." };
        var marketSeed = new Option<int>("--seed") { Description = "The market generator's seed: the same seed gives the same market.", DefaultValueFactory = _ => 2026 };
        var seed = new Command("seed", "Add members with personal accounts, balances and subscriptions due on one day, or a market of listings, with a progress bar.")
        {
            count, dueOn, listings, marketSeed,
        };
        seed.SetAction(async (parse, ct) =>
        {
            var services = parse.GetValue(count);
            var market = parse.GetValue(listings);
            if (services is < 1 or > 10_000_000)
            {
                await Console.Error.WriteLineAsync("--services must be between 1 and 10000000.");
                return 2;
            }
            if (market is < 1 or > 10_000_000)
            {
                await Console.Error.WriteLineAsync("--listings must be between 1 and 10000000.");
                return 2;
            }
            await using var app = Tool();
            await DataModule.MigrateAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), ct);
            await using var scope = app.Services.CreateAsyncScope();
            await BillingModule.EnsureSeededAsync(scope.ServiceProvider, ct);
            await MarketplaceModule.EnsureSeededAsync(scope.ServiceProvider, ct);
            if (market is { } n)
            {
                await Console.Out.WriteLineAsync(await DemoModule.SeedMarketAsync(scope.ServiceProvider, n, parse.GetValue(marketSeed), new ConsoleProgress(), ct));
                if (parse.GetResult(count) is null or { Implicit: true })
                {
                    return 0;
                }
            }
            var site = scope.ServiceProvider.GetRequiredService<IOptions<TradehallOptions>>().Value;
            var day = parse.GetValue(dueOn) ?? app.Services.GetRequiredService<TimeProvider>().Today(site.Zone);
            var subscriptions = await DemoSeed.RunAsync(scope.ServiceProvider, services, day, new ConsoleProgress(), ct);
            await Console.Out.WriteLineAsync(FormattableString.Invariant($"seeded {subscriptions} services due on {day:yyyy-MM-dd}"));
            return 0;
        });
        demo.Subcommands.Add(seed);
        root.Subcommands.Add(demo);

        return await root.Parse(args).InvokeAsync();
    }
}

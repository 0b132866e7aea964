using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Bench;

/// <summary>
/// BIL-02 under load: concurrent workers post top-ups and guarded charges through <see cref="Ledger.PostAsync"/>
/// on a fresh PostgreSQL database, each posting in its own database transaction, then the ledger is verified.
/// </summary>
internal static class LedgerBenchmark
{
    public static Command Command()
    {
        var connection = BenchDatabase.ServerOption();
        var seconds = new Option<int>("--seconds") { Description = "Measured duration.", DefaultValueFactory = _ => 20 };
        var clients = new Option<int>("--clients") { Description = "Concurrent workers, one database connection each.", DefaultValueFactory = _ => 4 };
        var accounts = new Option<int>("--accounts") { Description = "Subscriber accounts opened before the run.", DefaultValueFactory = _ => 1000 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of posting before the measured window, not counted: the JIT reaches optimized code first.", DefaultValueFactory = _ => 10 };
        var charges = new Option<int>("--charges") { Description = "Percent of postings that are guarded charges (floor 0) rather than top-ups.", DefaultValueFactory = _ => 25 };
        var keep = BenchDatabase.KeepOption();
        var command = new Command("ledger", "Postings per second through Ledger.PostAsync on PostgreSQL.") { connection, seconds, clients, accounts, warmup, charges, keep };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Settings(parse.GetRequiredValue(connection), parse.GetValue(seconds), parse.GetValue(clients),
                parse.GetValue(accounts), parse.GetValue(warmup), parse.GetValue(charges), parse.GetValue(keep));
            if (settings.Seconds < 1 || settings.Clients < 1 || settings.Accounts < 1 || settings.Warmup < 0 || settings.ChargePercent is < 0 or > 100)
            {
                await Console.Error.WriteLineAsync("--seconds, --clients and --accounts must be at least 1, --warmup at least 0, --charges 0 to 100.");
                return 2;
            }
            return await RunAsync(settings, ct);
        });
        return command;
    }

    private sealed record Settings(string Connection, int Seconds, int Clients, int Accounts, int Warmup, int ChargePercent, bool KeepDatabase);

    private sealed class Counters
    {
        public long TopUps;
        public long Charges;
        public long Refused;
        public long Committed => Interlocked.Read(ref TopUps) + Interlocked.Read(ref Charges);
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(settings.Connection, "bench_ledger", cancellationToken);
        // A ledger that does not balance is kept to be looked into.
        database.Keep = true;
        var dataPath = Directory.CreateTempSubdirectory("tradehall-bench-").FullName;
        try
        {
            var balanced = await RunOnAsync(database.ConnectionString, dataPath, database.Name, settings, cancellationToken);
            database.Keep = !balanced || settings.KeepDatabase;
            return balanced ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<bool> RunOnAsync(string connection, string dataPath, string database, Settings settings, CancellationToken cancellationToken)
    {
        // The real application, with every module and its DI, on the benchmark database; logs to standard error.
        var config = BenchSite.Settings("postgres", connection, dataPath);
        config["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";
        // LedgerVerification's "first 20 problems" queries take rows without an order, which EF warns about.
        config["Logging:LogLevel:Microsoft.EntityFrameworkCore.Query"] = "Error";
        await using var app = BenchSite.Build(config);
        // The site refuses to start on invalid options; so does the benchmark, which never starts the web host.
        app.Services.GetService<IStartupValidator>()?.Validate();
        var time = app.Services.GetRequiredService<TimeProvider>();

        await Console.Error.WriteLineAsync($"ledger: database {database}: migrating, seeding, opening {settings.Accounts} accounts");
        await DataModule.MigrateAsync(app.Services, time, cancellationToken);
        Guid cash, revenue;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await BillingModule.EnsureSeededAsync(scope.ServiceProvider, cancellationToken);
            var ledger = scope.ServiceProvider.GetRequiredService<LedgerPostings>();
            cash = await ledger.SystemAccountAsync(SystemAccounts.GatewayCash, cancellationToken);
            revenue = await ledger.SystemAccountAsync(SystemAccounts.Revenue, cancellationToken);
        }
        var subscribers = await OpenAccountsAsync(app.Services, settings.Accounts, cancellationToken);

        var counters = new Counters();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, settings.Clients)
            .Select(_ => Task.Run(() => WorkAsync(app.Services, subscribers, cash, revenue, settings.ChargePercent, counters, stop.Token), CancellationToken.None))
            .ToList();
        var rate = await MeasureAsync(settings, counters, workers, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var problems = (await LedgerVerification.ProblemsAsync(db, cancellationToken)).ToList();
            // Every posting the workers counted as committed is in the database, and nothing else.
            var stored = await db.Set<LedgerTransaction>().LongCountAsync(cancellationToken);
            if (stored != counters.Committed)
            {
                problems.Add($"the workers committed {counters.Committed} postings but the ledger holds {stored}");
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync("ledger verification failed: " + problem);
                }
                return false;
            }
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ledger: verified {stored} postings: balanced ({counters.TopUps} top-ups, {counters.Charges} charges, {counters.Refused} charges refused with 402)"));
        }
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ledger postings_per_s={rate:F0} clients={settings.Clients} accounts={settings.Accounts}"));
        return true;
    }

    /// <summary>BIL-01: subscriber accounts opened as registration opens them, saved in batches.</summary>
    private static async Task<Guid[]> OpenAccountsAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        const int batch = 500;
        var ids = new List<Guid>(count);
        while (ids.Count < count)
        {
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<BillingAccounts>();
            var opened = Enumerable.Range(0, Math.Min(batch, count - ids.Count))
                // There is no foreign key from a billing account to its member: any member id will do.
                .Select(_ => accounts.Open(Guid.CreateVersion7()).LedgerAccountId)
                .ToList();
            try
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(cancellationToken);
                ids.AddRange(opened);
            }
            catch (DbUpdateException) when (count > batch)
            {
                // Two random account numbers of the batch collided on the unique index; open the batch again.
            }
        }
        return [.. ids];
    }

    /// <summary>One client: its own DI scope and connection, one posting per database transaction, until stopped.</summary>
    private static async Task WorkAsync(IServiceProvider services, Guid[] subscribers, Guid cash, Guid revenue, int chargePercent,
        Counters counters, CancellationToken stop)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerPostings>();
        while (!stop.IsCancellationRequested)
        {
            var subscriber = subscribers[Random.Shared.Next(subscribers.Length)];
            var amount = (long)Random.Shared.Next(100, 10_001);
            var charge = Random.Shared.Next(100) < chargePercent;
            var posting = charge
                ? new Posting("charge.bench", DeferredText.Line("Benchmark charge"), [new Leg(subscriber, -amount, Floor: 0), new Leg(revenue, amount)])
                : new Posting("topup.bench", DeferredText.Line("Benchmark top-up"), [new Leg(subscriber, amount), new Leg(cash, -amount)]);
            // The run is stopped between postings, never inside one: CancellationToken.None below.
            await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
            {
                try
                {
                    await ledger.PostAsync(posting, CancellationToken.None);
                    await transaction.CommitAsync(CancellationToken.None);
                    Interlocked.Increment(ref charge ? ref counters.Charges : ref counters.TopUps);
                }
                catch (DomainException e) when (e.Status == StatusCodes.Status402PaymentRequired)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    Interlocked.Increment(ref counters.Refused);
                }
            }
            // One context serves the whole run: forget what was saved, as a new request's context would not know it.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Warms up, then counts the postings committed in the measured window; progress every second on standard error.</summary>
    private static async Task<double> MeasureAsync(Settings settings, Counters counters, List<Task> workers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        using var self = Process.GetCurrentProcess();
        long startCount = 0, lastCount = 0;
        var startAt = TimeSpan.Zero;
        var startCpu = TimeSpan.Zero;
        var lastCpu = self.TotalProcessorTime;
        var measuring = settings.Warmup == 0;
        if (measuring)
        {
            startAt = clock.Elapsed;
            startCpu = self.TotalProcessorTime;
        }
        while (await tick.WaitForNextTickAsync(cancellationToken))
        {
            if (workers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed; // a posting failed for a reason other than a refused charge: the run is void
            }
            var now = clock.Elapsed;
            var count = counters.Committed;
            self.Refresh();
            var cpuNow = self.TotalProcessorTime;
            var phase = measuring ? "run" : "warmup";
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ledger: {phase} t={now.TotalSeconds:F0}s committed={count} last_s={count - lastCount} refused={Interlocked.Read(ref counters.Refused)} cpu_us_per_posting={(cpuNow - lastCpu).TotalMicroseconds / Math.Max(1, count - lastCount):F0}"));
            lastCount = count;
            lastCpu = cpuNow;
            if (!measuring && now >= TimeSpan.FromSeconds(settings.Warmup))
            {
                measuring = true;
                startAt = now;
                startCount = count;
                self.Refresh();
                startCpu = self.TotalProcessorTime;
            }
            // Ticks come about once a second: stop at the one nearest the requested duration.
            else if (measuring && now - startAt >= TimeSpan.FromSeconds(settings.Seconds - 0.5))
            {
                self.Refresh();
                var cpu = self.TotalProcessorTime - startCpu;
                // What this process spent per posting: the part of the cost that is ours, not the database's.
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"ledger: {count - startCount} postings in {(now - startAt).TotalSeconds:F1} s; this process used {cpu.TotalSeconds / (now - startAt).TotalSeconds:F2} cores, {cpu.TotalMicroseconds / Math.Max(1, count - startCount):F0} µs of CPU per posting"));
                return (count - startCount) / (now - startAt).TotalSeconds;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }
}

using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Tradehall.Core.Accounts;
using Tradehall.Core.Data;
using Tradehall.Core.Notifications;

namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh database of the run's engine, migrated by its own migrations, with a fake clock, its
/// email sent over SMTP to a server in the test and its SMS posted to a gateway in the test, where tests await them.
/// </summary>
public class TradehallApp : WebApplicationFactory<Program>
{
    /// <summary>Where the clock of every test host starts unless a test chooses another: a Monday morning.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private SmtpSink? mail;
    private SmtpSink? ownMail;

    /// <summary>Settings of this test host beyond the defaults; read when the host first starts.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    public TestDatabase Database { get; } = TestDatabase.Migrated();

    /// <summary>
    /// The site's clock. It stands still until a test moves it, and as it moves it fires the app's timers (the search
    /// feed's reads, and the periodic jobs a host keeps: <see cref="PeriodicJobs"/>).
    /// </summary>
    public FakeTimeProvider Clock { get; init; } = new(DefaultStart);

    /// <summary>Every email the app sent, as the SMTP server received it.</summary>
    public SmtpSink Mail
    {
        get => mail ??= ownMail = new SmtpSink();
        init => mail = value;
    }

    /// <summary>Every SMS the app sent, as the gateway received it.</summary>
    public SmsGateway Sms { get; init; } = new();

    /// <summary>
    /// The periodic jobs (<see cref="PeriodicJobWorker{TJob}"/>) whose workers this host runs; none unless a test names
    /// them. A test runs a job's round itself, when it chooses: a worker's timer would fire as the test moves the clock and
    /// start rounds beside the test's own.
    /// </summary>
    public IReadOnlyCollection<Type> PeriodicJobs { get; init; } = [];

    /// <summary>What the host logged, at the levels the configuration lets through.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            config.AddInMemoryCollection(Database.Settings);
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:MigrateOnStart"] = "true",
                ["Notifications:PollInterval"] = "00:00:00.100",
                // Tests start the day's billing run themselves, on the day they choose; resumption still runs on its own.
                ["Billing:Run:Daily"] = "false",
                ["RateLimits:AuthPerMinute"] = "100000",
                ["RateLimits:PhonePerMinute"] = "100000",
                ["RateLimits:AnonymousPerMinute"] = "1000000",
            });
            config.AddInMemoryCollection(Mail.Settings);
            config.AddInMemoryCollection(SmsGateway.Settings);
            config.AddInMemoryCollection(Settings);
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            services.RemoveAll<IPasswordHasher<Member>>();
            services.AddSingleton<IPasswordHasher<Member>, RememberedPasswordHasher>();
            Sms.AddTo(services);
            foreach (var worker in services.Where(s => s.ServiceType == typeof(IHostedService) && IsPeriodicJob(s.ImplementationType)
                && !PeriodicJobs.Contains(s.ImplementationType!)).ToList())
            {
                services.Remove(worker);
            }
        });
    }

    private static bool IsPeriodicJob(Type? type) =>
        type is not null && (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PeriodicJobWorker<>) || IsPeriodicJob(type.BaseType));

    private bool kestrel;

    /// <summary>
    /// Serves on a loopback port through Kestrel instead of the in-memory server, for what only a real server
    /// enforces (request body limits); call it before the first request.
    /// </summary>
    protected void ServeOverKestrel()
    {
        UseKestrel(0);
        kestrel = true;
    }

    /// <summary>Where clients send requests: the in-memory server answers any address, Kestrel its own.</summary>
    public Uri Address
    {
        get
        {
            if (!kestrel)
            {
                return new Uri("https://localhost");
            }
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }
    }

    public HttpClient Api(string? token = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Address, AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDb(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// How many messages the outbox holds for <paramref name="to"/> (an address or a phone number), sent or not. A message
    /// is queued in the transaction of the request that sends it, so none queued after a request means none from it, ever.
    /// </summary>
    public Task<int> QueuedToAsync(string to) => WithDb(db => db.Set<OutboxMessage>().CountAsync(m => m.To == to));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ownMail?.Dispose();
            Database.Dispose();
        }
    }
}

public static class ApiExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tradehall.Core.Data;

namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh database of the run's engine, migrated by its own migrations,
/// with a fake clock and the development sinks for email and SMS.
/// </summary>
public class TradehallApp : WebApplicationFactory<Program>
{
    /// <summary>Settings of this test host beyond the defaults; read when the host first starts.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    public TestDatabase Database { get; } = new();

    public FakeClock Clock { get; } = new();

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
                ["Notifications:MailDelivery"] = "pickup",
                ["Notifications:SmsDelivery"] = "file",
                ["Notifications:PollInterval"] = "00:00:00.100",
                // Tests start the day's billing run themselves, on the day they choose; resumption still runs on its own.
                ["Billing:Run:Daily"] = "false",
                // Digests are sent when a test asks for them, so a test that moves the clock gets no stray emails.
                ["Notifications:DigestInterval"] = "1.00:00:00",
                // Price reviews are made when a test asks for them: the job's round at start would race a test's own.
                ["Analytics:Reviews"] = "false",
                ["RateLimits:AuthPerMinute"] = "100000",
                ["RateLimits:PhonePerMinute"] = "100000",
                ["RateLimits:AnonymousPerMinute"] = "1000000",
                // Hashing stays PBKDF2-SHA512; the minimum iteration count keeps the suite quick.
                ["Accounts:PasswordHashIterations"] = "210000",
            });
            config.AddInMemoryCollection(Settings);
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }

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

    /// <summary>The newest SMS sent to <paramref name="phone"/>, waiting for the outbox worker to deliver it.</summary>
    public async Task<string> LastSmsAsync(string phone, int after = 0)
    {
        var file = Path.Combine(Database.DataPath, "outbox", "sms.jsonl");
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file))
                    .Select(l => JsonDocument.Parse(l).RootElement)
                    .Where(e => e.GetProperty("to").GetString() == phone)
                    .ToList();
                if (lines.Count > after)
                {
                    return lines[^1].GetProperty("text").GetString()!;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No SMS #{after + 1} reached {phone}.");
    }

    public async Task<int> SmsCountAsync(string phone)
    {
        var file = Path.Combine(Database.DataPath, "outbox", "sms.jsonl");
        return File.Exists(file)
            ? (await File.ReadAllLinesAsync(file)).Count(l => JsonDocument.Parse(l).RootElement.GetProperty("to").GetString() == phone)
            : 0;
    }

    public async Task<string> SmsCodeAsync(string phone, int after = 0) =>
        Regex.Match(await LastSmsAsync(phone, after), @"\b(\d{6})\b").Groups[1].Value;

    /// <summary>The newest email to <paramref name="to"/> with its body decoded, waiting for delivery.</summary>
    public async Task<(string Subject, string Body)> LastEmailAsync(string to, int after = 0)
    {
        List<(string Subject, string Body)> mails = [];
        return await DeliveredAsync(() => (mails = Mails(to)).Count > after)
            ? mails[^1]
            : throw new TimeoutException($"No email #{after + 1} reached {to}.");
    }

    /// <summary>
    /// The body of the newest email to <paramref name="to"/> whose subject starts with <paramref name="subjectStart"/>, once
    /// the outbox worker has delivered it; mails sent moments apart may be written in either order.
    /// </summary>
    public async Task<string> EmailAsync(string to, string subjectStart)
    {
        string? body = null;
        return await DeliveredAsync(() => (body = Mails(to).LastOrDefault(m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal)).Body) is not null)
            ? body!
            : throw new TimeoutException($"No email '{subjectStart}' reached {to}.");
    }

    /// <summary>
    /// The token of the newest mail to <paramref name="to"/> holding a <paramref name="path"/> link, once more than
    /// <paramref name="after"/> mails reached them: mails sent moments apart may be written out of order.
    /// </summary>
    public async Task<string> EmailLinkTokenAsync(string to, string path, int after = 0)
    {
        var pattern = new Regex(Regex.Escape(path) + @"\?token=([^\s&]+)");
        List<(string Subject, string Body)> mails = [];
        Match? link = null;
        if (await DeliveredAsync(() => (mails = Mails(to)).Count > after
            && (link = mails.Select(m => pattern.Match(m.Body)).LastOrDefault(m => m.Success)) is not null))
        {
            return Uri.UnescapeDataString(link!.Groups[1].Value);
        }
        Assert.Fail($"No {path} link in: {(mails.Count == 0 ? "(no mail)" : mails[^1].Body)}");
        return "";
    }

    /// <summary>Whether <paramref name="found"/> came true within ten seconds: the outbox worker delivers in the background.</summary>
    private static async Task<bool> DeliveredAsync(Func<bool> found)
    {
        for (var i = 0; i < 100; i++)
        {
            if (found())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>The mails written to <paramref name="to"/> so far, oldest first.</summary>
    public List<(string Subject, string Body)> Mails(string to)
    {
        var folder = Path.Combine(Database.DataPath, "outbox", "mail");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml")
                .Select(f => (Text: File.ReadAllText(f), Time: File.GetLastWriteTimeUtc(f)))
                .Where(m => m.Text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase))
                .OrderBy(m => m.Time)
                .Select(m => Eml.Parse(m.Text))
                .ToList();
    }
}

public static class Eml
{
    public static (string Subject, string Body) Parse(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var message = MimeKit.MimeMessage.Load(stream);
        return (message.Subject ?? "", message.TextBody ?? "");
    }
}

public static class ApiExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;
}

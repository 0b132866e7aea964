using System.Buffers;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tradehall.Tests.Infrastructure;

/// <summary>One email as the SMTP server received it, for one envelope recipient, its body decoded.</summary>
public sealed record CapturedMail(string To, string Subject, string Body, MimeMessage Message)
{
    public override string ToString() => $"{To}: {Subject}";
}

/// <summary>
/// A real SMTP server in the test process on a loopback port: the app sends through its own SMTP code path
/// (<c>Notifications:MailDelivery=smtp</c>), and what arrives is held in memory for the test to await.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;

    public SmtpSink()
    {
        var listeners = new EndpointListenerFactory();
        var port = 0;
        // The listener binds as the server starts, before StartAsync first yields, so the port is known at once.
        listeners.EndpointStarted += (_, e) => port = ((IPEndPoint)e.LocalEndPoint).Port;
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        server = new SmtpServer.SmtpServer(options, services);
        Running = server.StartAsync(stop.Token);
        Port = port != 0 ? port : throw new InvalidOperationException("The test SMTP server did not bind a port as it started.");
    }

    public int Port { get; }

    /// <summary>Completes when the server stops; faults if it failed.</summary>
    public Task Running { get; }

    public Arrivals<CapturedMail> Received { get; } = new("email");

    /// <summary>While true, every message is refused with a transient error, as a server that is down for a while.</summary>
    public bool Refusing { get; set; }

    /// <summary>The settings that send the app's email here.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Notifications:MailDelivery"] = "smtp",
        ["Notifications:SmtpHost"] = IPAddress.Loopback.ToString(),
        ["Notifications:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The next email to <paramref name="to"/> whose subject starts with <paramref name="subjectStart"/>, once it arrives.</summary>
    public Task<CapturedMail> NextAsync(string to, string subjectStart = "") =>
        Received.NextAsync(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal),
            $"to {to}" + (subjectStart.Length > 0 ? $" with a subject starting '{subjectStart}'" : ""));

    /// <summary>The <paramref name="path"/> link (<c>…path?token=…</c>, with any further parameters) in the next email to <paramref name="to"/> that holds one.</summary>
    public async Task<Uri> NextLinkAsync(string to, string path)
    {
        var mail = await Received.NextAsync(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && Link(path).IsMatch(m.Body), $"to {to} with a {path} link");
        return LinkIn(mail, path);
    }

    /// <summary>The token of the <paramref name="path"/> link in the next email to <paramref name="to"/> that holds one.</summary>
    public async Task<string> NextLinkTokenAsync(string to, string path) => Token(await NextLinkAsync(to, path));

    /// <summary>The token of the <paramref name="path"/> link in <paramref name="mail"/>.</summary>
    public static string LinkTokenIn(CapturedMail mail, string path) => Token(LinkIn(mail, path));

    private static Uri LinkIn(CapturedMail mail, string path) =>
        Link(path).Match(mail.Body) is { Success: true } found ? new Uri(found.Value) : throw new InvalidOperationException($"No {path} link in: {mail.Body}");

    private static Regex Link(string path) => new(@"https?://\S+?" + Regex.Escape(path) + @"\?token=\S+");

    private static string Token(Uri link) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').First(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);

    /// <summary>The emails to <paramref name="to"/> that arrived so far, oldest first.</summary>
    public IReadOnlyList<CapturedMail> To(string to) => [.. Received.Snapshot().Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))];

    public void Dispose()
    {
        if (!stop.IsCancellationRequested)
        {
            server.Shutdown();
            stop.Cancel();
        }
    }

    private sealed class Store(SmtpSink sink) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.Refusing)
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Try again later"));
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            foreach (var recipient in transaction.To)
            {
                sink.Received.Add(new CapturedMail($"{recipient.User}@{recipient.Host}", message.Subject ?? "", message.TextBody ?? message.HtmlBody ?? "", message));
            }
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

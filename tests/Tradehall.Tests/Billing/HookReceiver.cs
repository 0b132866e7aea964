using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Tradehall.Tests.Billing;

/// <summary>One webhook call as the receiver got it, and whether its signature held for the body and timestamp sent.</summary>
public sealed record ReceivedHook(string DeliveryId, string Body, JsonElement Json, bool SignatureValid);

/// <summary>
/// BIL-24: an operator's webhook receiver — a real HTTP server on a loopback port, verifying each call's signature as
/// docs/provisioning-hooks.md tells receivers to (in constant time, SEC-10). It answers 200 unless told to answer otherwise
/// or to hang until the caller gives up; it can be stopped (its port closed) and started again on the same port.
/// </summary>
public sealed class HookReceiver : IAsyncDisposable
{
    /// <summary>An answer that never comes: the request waits until the caller aborts it.</summary>
    public const int Hang = 0;

    private WebApplication? server;

    private HookReceiver(int port) => Port = port;

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks");

    /// <summary>The signing secret the platform showed when the webhook was set.</summary>
    public string Secret { get; set; } = "";

    public Arrivals<ReceivedHook> Received { get; } = new("webhook call");

    /// <summary>Answers for the next calls, in order; once they are used up every call gets <see cref="Otherwise"/>.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    public int Otherwise { get; set; } = StatusCodes.Status200OK;

    public static async Task<HookReceiver> StartAsync()
    {
        var receiver = new HookReceiver(0);
        await receiver.UpAsync();
        return receiver;
    }

    /// <summary>Starts listening on the receiver's port (a new one the first time).</summary>
    public async Task UpAsync()
    {
        // A content root of its own, so no settings of the site under test are read.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath(), EnvironmentName = "HookReceiver" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hooks", ReceiveAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        server = app;
    }

    /// <summary>Stops listening: calls find the port closed.</summary>
    public async Task DownAsync()
    {
        if (server is { } app)
        {
            server = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public IReadOnlyList<ReceivedHook> Snapshot() => Received.Snapshot();

    private async Task ReceiveAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        var timestamp = http.Request.Headers["X-Tradehall-Timestamp"].ToString();
        var signature = http.Request.Headers["X-Tradehall-Signature"].ToString();
        Received.Add(new ReceivedHook(http.Request.Headers["X-Tradehall-Delivery"].ToString(), Encoding.UTF8.GetString(body),
            JsonDocument.Parse(body).RootElement.Clone(), Verify(Secret, timestamp, body, signature)));
        var answer = Answers.TryDequeue(out var next) ? next : Otherwise;
        if (answer == Hang)
        {
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (http.RequestAborted.Register(() => aborted.TrySetResult()))
            {
                await aborted.Task;
            }
            return;
        }
        http.Response.StatusCode = answer;
    }

    /// <summary>The receiver's check: HMAC-SHA256(secret, timestamp + "." + body) in hex, after "sha256=", compared in constant time.</summary>
    public static bool Verify(string secret, string timestamp, byte[] body, string header)
    {
        if (secret.Length == 0 || !header.StartsWith("sha256=", StringComparison.Ordinal) || !long.TryParse(timestamp, out _))
        {
            return false;
        }
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        byte[] given;
        try
        {
            given = Convert.FromHexString(header["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public ValueTask DisposeAsync() => new(DownAsync());
}

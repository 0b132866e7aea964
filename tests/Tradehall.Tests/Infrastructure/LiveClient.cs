using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Tradehall.Core.Notifications.Live;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Infrastructure;

/// <summary>One open tab: a SignalR connection to /hubs/live over WebSockets, recording the events it is sent.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<(string Name, JsonElement Payload)> received = Channel.CreateUnbounded<(string, JsonElement)>();

    private const string Sentinel = "test-sentinel";

    private LiveClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Connects as the member of <paramref name="token"/> (bearer) or of <paramref name="cookie"/> (the site's session), or anonymously.</summary>
    public static async Task<LiveClient> ConnectAsync(TradehallApp app, string? token = null, string? cookie = null, params string[] events)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri("https://localhost" + LiveHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var sockets = server.CreateWebSocketClient();
                    sockets.ConfigureRequest = request =>
                    {
                        if (token is not null)
                        {
                            request.Headers.Authorization = "Bearer " + token;
                        }
                        if (cookie is not null)
                        {
                            request.Headers.Cookie = cookie;
                        }
                    };
                    return await sockets.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        var client = new LiveClient(connection);
        foreach (var name in events.Append(Sentinel))
        {
            connection.On<JsonElement>(name, payload => client.received.Writer.TryWrite((name, payload)));
        }
        try
        {
            await connection.StartAsync();
            // The server joins the member's group after the handshake that ends StartAsync, and answers calls only after
            // that: one round trip (to a method the hub does not have) makes sure the tab is listening before a test publishes.
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Listening"));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return client;
    }

    /// <summary>The next event, or a timeout when none comes.</summary>
    public async Task<(string Name, JsonElement Payload)> NextAsync(double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No live event arrived within {seconds} s.");
        }
    }

    /// <summary>
    /// Publishes a sentinel event to <paramref name="memberIds"/> through <paramref name="node"/>, on the path every live
    /// event takes: anything published to them before it reaches their tabs before it. <see cref="SentinelNextAsync"/> then
    /// shows that nothing else came first — absence proved by an arrival, not by a wait.
    /// </summary>
    public static async Task<Guid> PublishSentinelAsync(TradehallApp node, params Guid[] memberIds)
    {
        var id = Guid.NewGuid();
        await node.Services.GetRequiredService<ILiveEvents>().PublishAsync(memberIds, Sentinel, new { id }, CancellationToken.None);
        return id;
    }

    /// <summary>Asserts that the next event of this tab is the sentinel <paramref name="id"/>: nothing arrived before it.</summary>
    public async Task SentinelNextAsync(Guid id)
    {
        var (name, payload) = await NextAsync();
        Assert.True(name == Sentinel && payload.GetProperty("id").GetGuid() == id, $"Before the sentinel came '{name}': {payload}");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>RUN-03: a second node of the same site, on the first node's database and data folder.</summary>
public static class Nodes
{
    /// <summary>
    /// The second node shares the first one's clock, as nodes share the wall clock, and its mail server and SMS gateway:
    /// either node's outbox worker may deliver a message.
    /// </summary>
    public static TradehallApp SecondNodeOf(TradehallApp first, Dictionary<string, string?>? settings = null) => new()
    {
        Settings = first.Database.Settings.Concat(first.Settings).Concat(settings ?? [])
            .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        Clock = first.Clock,
        Mail = first.Mail,
        Sms = first.Sms,
        PeriodicJobs = first.PeriodicJobs,
    };

    /// <summary>Waits until the node listens for live events, so nothing published afterwards can pass it by.</summary>
    public static Task ListeningAsync(this TradehallApp node) =>
        node.Services.GetRequiredService<LiveListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
}

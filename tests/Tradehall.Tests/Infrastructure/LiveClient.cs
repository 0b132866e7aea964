using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Notifications.Live;

namespace Tradehall.Tests.Infrastructure;

/// <summary>One open tab: a SignalR connection to /hubs/live over WebSockets, recording the events it is sent.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<(string Name, JsonElement Payload)> received = Channel.CreateUnbounded<(string, JsonElement)>();

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
        foreach (var name in events)
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

    /// <summary>How many events arrive within the given time (to show that something did not come, or came once).</summary>
    public async Task<int> CountWithinAsync(double seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var count = 0;
        while (received.Reader.TryRead(out _))
        {
            count++;
        }
        return count;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>RUN-03: a second node of the same site, on the first node's database and data folder.</summary>
public static class Nodes
{
    public static TradehallApp SecondNodeOf(TradehallApp first, Dictionary<string, string?>? settings = null) => new()
    {
        Settings = first.Database.Settings.Concat(first.Settings).Concat(settings ?? [])
            .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
    };

    /// <summary>Waits until the node listens for live events, so nothing published afterwards can pass it by.</summary>
    public static Task ListeningAsync(this TradehallApp node) =>
        node.Services.GetRequiredService<LiveListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
}

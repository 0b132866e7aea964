using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Tradehall.Core.Notifications.Live;

/// <summary>
/// RUN-03: on PostgreSQL every node listens on <see cref="LiveNotice.Channel"/> over one long-lived connection
/// and hands each event to the tabs connected to it. When the connection drops it listens again, waiting
/// longer after each failure; events published while it was away are not replayed — a tab that reconnects
/// reloads what it shows.
/// </summary>
internal sealed partial class LiveListener(
    LiveDatabase database, IHubContext<LiveHub> hub, IOptions<DatabaseOptions> databaseOptions,
    IOptions<LiveOptions> options, ILogger<LiveListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node first listens (at once on SQLite): every event published afterwards reaches its tabs.</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!databaseOptions.Value.IsPostgres)
        {
            // SQLite is one node: LocalLiveEvents delivers directly.
            listening.TrySetResult();
            return;
        }
        // Notifications arrive on the connection's reading loop; delivery runs beside it, in arrival order.
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var delivery = DeliverAsync(inbox.Reader);
        var o = options.Value;
        var delay = o.ReconnectFirstDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = database.NewListener();
                connection.Notification += (_, e) => inbox.Writer.TryWrite(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveNotice.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                LogListening(logger, LiveNotice.Channel);
                listening.TrySetResult();
                delay = o.ReconnectFirstDelay;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogDropped(logger, delay, ex);
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, o.ReconnectMaxDelay.Ticks));
        }
        inbox.Writer.Complete();
        await delivery;
    }

    private async Task DeliverAsync(ChannelReader<string> inbox)
    {
        await foreach (var text in inbox.ReadAllAsync())
        {
            try
            {
                var notice = LiveNotice.Decode(text);
                await LocalLiveEvents.SendAsync(hub, notice.MemberIds, notice.Name, notice.Payload, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A stranger's text on the channel, or a hub that refused one event: the ones after it still go out.
                LogUndelivered(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for live events on {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live events connection dropped; listening again in {Delay}")]
    private static partial void LogDropped(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification on the live events channel could not be delivered")]
    private static partial void LogUndelivered(ILogger logger, Exception exception);
}

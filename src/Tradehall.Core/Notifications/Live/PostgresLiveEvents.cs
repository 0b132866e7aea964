using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Tradehall.Core.Notifications.Live;

/// <summary>
/// RUN-03: several nodes share one PostgreSQL. An event is published only as a notification; every node,
/// this one included, hears it through its <see cref="LiveListener"/> and hands it to its own connections,
/// so each tab gets it once whichever node it is connected to.
/// </summary>
internal sealed partial class PostgresLiveEvents(LiveDatabase database, IOptions<JsonHubProtocolOptions> protocol, ILogger<PostgresLiveEvents> logger) : ILiveEvents
{
    public async Task PublishAsync(IReadOnlyCollection<Guid> memberIds, string name, object payload, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return;
        }
        // Serialised as the hub would serialise it, so a client cannot tell which node the event came through.
        var element = JsonSerializer.SerializeToElement(payload, payload.GetType(), protocol.Value.PayloadSerializerOptions);
        try
        {
            foreach (var text in LiveNotice.Encode(memberIds, name, element))
            {
                await using var command = database.Source.CreateCommand("SELECT pg_notify(@channel, @payload)");
                command.Parameters.AddWithValue("channel", LiveNotice.Channel);
                command.Parameters.AddWithValue("payload", text);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (NpgsqlException ex)
        {
            // The change is already committed; a missed push costs a reload, an error would invite a repeat.
            LogNotPublished(logger, name, memberIds.Count, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live event {Name} for {Count} members could not be published")]
    private static partial void LogNotPublished(ILogger logger, string name, int count, Exception exception);
}

/// <summary>The connections the live events use, apart from the application's DbContext pool.</summary>
internal sealed class LiveDatabase(IConfiguration configuration, IOptions<LiveOptions> options) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> source = new(() => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(ConnectionString(configuration)) { ApplicationName = "tradehall-live" }));

    /// <summary>Short-lived connections for publishing.</summary>
    public NpgsqlDataSource Source => source.Value;

    /// <summary>A connection of its own for listening: kept open for hours, probed while idle, never pooled.</summary>
    public NpgsqlConnection NewListener() => new(new NpgsqlConnectionStringBuilder(ConnectionString(configuration))
    {
        ApplicationName = "tradehall-live-listener",
        Pooling = false,
        KeepAlive = (int)Math.Ceiling(options.Value.KeepAlive.TotalSeconds),
    }.ConnectionString);

    private static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is 'postgres'.");

    public async ValueTask DisposeAsync()
    {
        if (source.IsValueCreated)
        {
            await source.Value.DisposeAsync();
        }
    }
}

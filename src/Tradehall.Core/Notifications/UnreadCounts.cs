using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;

namespace Tradehall.Core.Notifications;

/// <summary>What a member's tabs receive as the <see cref="UnreadCounts.EventName"/> live event.</summary>
public sealed record UnreadCountResponse(int Unread);

/// <summary>
/// NTF-01, MSG-02: tells a member's open tabs their new unread count once a change to it is committed —
/// at once when no transaction is open, else when the caller's transaction commits (never after a rollback).
/// </summary>
public sealed partial class UnreadCounts(IServiceScopeFactory scopes, ILiveEvents live, ILogger<UnreadCounts> logger) : BackgroundService
{
    /// <summary>Members counted in one query at most.</summary>
    private const int BatchSize = 500;

    private readonly System.Threading.Channels.Channel<Guid> queue = System.Threading.Channels.Channel.CreateUnbounded<Guid>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });

    /// <summary>The live event's name; its payload is <see cref="UnreadCountResponse"/>, <c>{unread}</c>.</summary>
    public const string EventName = "notifications";

    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = new();

    /// <summary>The unread counts of <paramref name="memberIds"/> changed through <paramref name="context"/>.</summary>
    public void Changed(DbContext context, IEnumerable<Guid> memberIds)
    {
        Track(context, memberIds);
        if (context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    internal void Track(DbContext context, IEnumerable<Guid> memberIds)
    {
        var members = pending.GetOrCreateValue(context);
        lock (members)
        {
            members.UnionWith(memberIds);
        }
    }

    internal void Flush(DbContext context)
    {
        if (!pending.TryGetValue(context, out var members))
        {
            return;
        }
        pending.Remove(context);
        lock (members)
        {
            foreach (var member in members)
            {
                queue.Writer.TryWrite(member);
            }
        }
    }

    internal void Discard(DbContext context) => pending.Remove(context);

    /// <summary>
    /// Counts are read and pushed here, apart from the request: the request may still hold its database connection
    /// when it commits, and asking the pool for a second one from inside it would starve the pool under load.
    /// Members queued meanwhile are counted together in one query.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new HashSet<Guid>();
            while (batch.Count < BatchSize && queue.Reader.TryRead(out var member))
            {
                batch.Add(member);
            }
            await PublishAsync(batch, stoppingToken);
        }
    }

    private async Task PublishAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = memberIds.ToArray();
            var counts = await db.Set<Notification>().AsNoTracking()
                .Where(n => ids.Contains(n.MemberId) && n.ReadAt == null)
                .GroupBy(n => n.MemberId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            foreach (var member in ids)
            {
                await live.PublishAsync([member], EventName, new UnreadCountResponse(counts.GetValueOrDefault(member)), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing unread notification counts failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}

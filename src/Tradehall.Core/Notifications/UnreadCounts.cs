using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Notifications;

/// <summary>What a member's tabs receive as the <see cref="UnreadCounts.EventName"/> live event.</summary>
public sealed record UnreadCountResponse(int Unread);

/// <summary>
/// NTF-01, MSG-02: tells a member's open tabs their new unread count once a change to it is committed —
/// at once when no transaction is open, else when the caller's transaction commits (never after a rollback).
/// </summary>
public sealed partial class UnreadCounts(IServiceScopeFactory scopes, ILiveEvents live, ILogger<UnreadCounts> logger)
{
    /// <summary>The live event's name; its payload is <see cref="UnreadCountResponse"/>, <c>{unread}</c>.</summary>
    public const string EventName = "notifications";

    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = new();

    /// <summary>The unread counts of <paramref name="memberIds"/> changed through <paramref name="context"/>.</summary>
    public Task ChangedAsync(DbContext context, IEnumerable<Guid> memberIds, CancellationToken cancellationToken)
    {
        Track(context, memberIds);
        return context.Database.CurrentTransaction is null ? FlushAsync(context, cancellationToken) : Task.CompletedTask;
    }

    internal void Track(DbContext context, IEnumerable<Guid> memberIds)
    {
        var members = pending.GetOrCreateValue(context);
        lock (members)
        {
            members.UnionWith(memberIds);
        }
    }

    internal Task FlushAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!pending.TryGetValue(context, out var members))
        {
            return Task.CompletedTask;
        }
        pending.Remove(context);
        Guid[] list;
        lock (members)
        {
            list = [.. members];
        }
        return list.Length == 0 ? Task.CompletedTask : PublishAsync(list, cancellationToken);
    }

    internal void Discard(DbContext context) => pending.Remove(context);

    /// <summary>Counts from committed data, in a unit of work of its own; a failed push never fails the change that caused it.</summary>
    public async Task PublishAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var counts = await db.Set<Notification>().AsNoTracking()
                .Where(n => memberIds.Contains(n.MemberId) && n.ReadAt == null)
                .GroupBy(n => n.MemberId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            foreach (var member in memberIds)
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

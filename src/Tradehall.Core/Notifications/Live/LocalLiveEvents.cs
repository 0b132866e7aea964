using Microsoft.AspNetCore.SignalR;

namespace Tradehall.Core.Notifications.Live;

/// <summary>A single node (SQLite): every open tab is connected here, so events go straight to the hub.</summary>
internal sealed class LocalLiveEvents(IHubContext<LiveHub> hub) : ILiveEvents
{
    public Task PublishAsync(IReadOnlyCollection<Guid> memberIds, string name, object payload, CancellationToken cancellationToken) =>
        SendAsync(hub, memberIds, name, payload, cancellationToken);

    /// <summary>The one place an event reaches this node's connections, whichever way it arrived.</summary>
    public static Task SendAsync(IHubContext<LiveHub> hub, IReadOnlyCollection<Guid> memberIds, string name, object payload, CancellationToken cancellationToken) =>
        memberIds.Count == 0
            ? Task.CompletedTask
            : hub.Clients.Groups(memberIds.Select(LiveHub.GroupOf).ToList()).SendAsync(name, payload, cancellationToken);
}

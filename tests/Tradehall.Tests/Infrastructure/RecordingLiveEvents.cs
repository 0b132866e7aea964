using Microsoft.Extensions.DependencyInjection.Extensions;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Infrastructure;

/// <summary>One live event as the app published it: its recipients, its name, and its payload in the JSON the hub sends.</summary>
public sealed record Published(IReadOnlyCollection<Guid> To, string Name, object Value)
{
    public JsonElement Payload => JsonSerializer.SerializeToElement(Value, Value.GetType(), JsonSerializerOptions.Web);
}

/// <summary>
/// Stands in for the real-time transport at its boundary: records what the app pushes, so tests check names, recipients
/// and payloads, or await the push they expect.
/// </summary>
public sealed class RecordingLiveEvents : ILiveEvents
{
    private readonly Arrivals<Published> events = new("live event");

    public Task PublishAsync(IReadOnlyCollection<Guid> memberIds, string name, object payload, CancellationToken cancellationToken)
    {
        events.Add(new Published([.. memberIds], name, payload));
        return Task.CompletedTask;
    }

    /// <summary>Replaces the host's transport with this recording.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.RemoveAll<ILiveEvents>();
        services.AddSingleton<ILiveEvents>(this);
    }

    /// <summary>The events of one chat with the given name, oldest first.</summary>
    public IReadOnlyList<Published> InChat(Guid chatId, string name) =>
        [.. events.Snapshot().Where(e => e.Name == name && e.Payload.GetProperty("chatId").GetGuid() == chatId)];

    /// <summary>The events pushed to one member, oldest first.</summary>
    public IReadOnlyList<Published> To(Guid member) => [.. events.Snapshot().Where(e => e.To.Contains(member))];

    /// <summary>The member's newest event once it is the expected one; counts are pushed apart from the request.</summary>
    public async Task<Published> LatestAsync(Guid member, object expected)
    {
        await events.WhenAsync(all => all.LastOrDefault(e => e.To.Contains(member)) is { Value: var newest } && Equals(newest, expected),
            $"for {member} ending with {expected}");
        return To(member)[^1];
    }
}

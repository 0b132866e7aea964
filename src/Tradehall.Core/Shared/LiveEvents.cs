namespace Tradehall.Core.Shared;

/// <summary>
/// MSG-02, RUN-03: pushes an event to every open tab of the given members, whichever node they are
/// connected to. Call it after the change is committed, so nobody is told of something that rolled back.
/// </summary>
public interface ILiveEvents
{
    Task PublishAsync(IReadOnlyCollection<Guid> memberIds, string name, object payload, CancellationToken cancellationToken);
}

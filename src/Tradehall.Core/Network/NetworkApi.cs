using Tradehall.Core.Network.Onboarding;

namespace Tradehall.Core.Network;

/// <summary>How other modules see a member: the public handle and the display name.</summary>
[ModuleApi]
public sealed record MemberCard(Guid Id, string Handle, string Name);

/// <summary>How other modules see an organization: its page address and name.</summary>
[ModuleApi]
public sealed record OrganizationCard(Guid Id, string Slug, string Name);

/// <summary>NET-08: each badge means one thing. The "checked by the operator" badge needs a KYC review state, which does not exist yet.</summary>
public sealed record Badges(bool PhoneConfirmed, bool Subscriber);

/// <summary>The network's public surface for other modules (chats, marketplace, notifications).</summary>
[ModuleApi]
public interface INetwork
{
    /// <summary>A member by account id or handle; null when unknown or disabled, so nobody can write to them.</summary>
    Task<MemberCard?> FindMemberAsync(string handleOrId, CancellationToken cancellationToken);

    /// <summary>Cards of the given members that still exist, keyed by id.</summary>
    Task<IReadOnlyDictionary<Guid, MemberCard>> CardsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>NET-07: whether <paramref name="blocker"/> has blocked <paramref name="blocked"/>.</summary>
    Task<bool> HasBlockedAsync(Guid blocker, Guid blocked, CancellationToken cancellationToken);

    /// <summary>NET-05: the organizations <paramref name="memberId"/> works at, by name (a listing may be posted on their behalf).</summary>
    Task<IReadOnlyList<OrganizationCard>> OrganizationsOfAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Cards of the given organizations that exist, keyed by id.</summary>
    Task<IReadOnlyDictionary<Guid, OrganizationCard>> OrganizationCardsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);

    /// <summary>NET-08: the badges of the given members that exist, keyed by id, read at once for a page of them (search results).</summary>
    Task<IReadOnlyDictionary<Guid, Badges>> BadgesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);
}

/// <summary>
/// The home page's first steps and waiting items that modules above the network know (a listing posted, unread chats):
/// each such module adds its part here, so the checklist reads every step from its owner without depending on it.
/// </summary>
[ModuleApi]
public interface IHomeContribution
{
    Task AddToAsync(HomeProgress progress, CancellationToken cancellationToken);
}

/// <summary>What the contributions found for one member.</summary>
[ModuleApi]
public sealed class HomeProgress(Guid memberId)
{
    private readonly HashSet<FirstStep> done = [];

    public Guid MemberId => memberId;

    /// <summary>MSG-02: chats with a message the member has not read.</summary>
    public int UnreadChats { get; set; }

    public void Step(FirstStep step, bool isDone)
    {
        if (isDone)
        {
            done.Add(step);
        }
    }

    public bool IsDone(FirstStep step) => done.Contains(step);
}

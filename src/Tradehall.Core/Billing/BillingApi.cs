using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing;

/// <summary>BIL-01: a member's personal account as other modules see it — its number and when the contract started.</summary>
[ModuleApi]
public sealed record AccountSummary(Guid MemberId, string Number, DateOnly? ContractStartedOn);

/// <summary>What other modules ask billing: does this member have an active service of a kind (analytics, marketplace, ...).</summary>
[ModuleApi]
public sealed class Entitlements(AppDbContext db)
{
    public Task<bool> HasActiveAsync(Guid memberId, string kindCode, CancellationToken cancellationToken) =>
        db.Set<SubscribedService>().AnyAsync(s => s.MemberId == memberId && s.KindCode == kindCode && s.Status == ServiceStatus.Active, cancellationToken);

    /// <summary>ANL-02: every member with an active service of the kind, e.g. to send the month's price reviews to.</summary>
    public async Task<IReadOnlyList<Guid>> MembersWithActiveAsync(string kindCode, CancellationToken cancellationToken) =>
        await db.Set<SubscribedService>().Where(s => s.KindCode == kindCode && s.Status == ServiceStatus.Active)
            .Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken);

    /// <summary>NET-08: which of these members pay for at least one active service (the "subscriber" badge).</summary>
    public async Task<IReadOnlySet<Guid>> WithAnyActiveAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.ToArray();
        return (await db.Set<SubscribedService>().Where(s => ids.Contains(s.MemberId) && s.Status == ServiceStatus.Active)
            .Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>MKT-05: which of these members have an active service of <paramref name="kindCode"/> (highlighted listings).</summary>
    public async Task<IReadOnlySet<Guid>> WithActiveAsync(string kindCode, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.ToArray();
        return (await db.Set<SubscribedService>().Where(s => ids.Contains(s.MemberId) && s.KindCode == kindCode && s.Status == ServiceStatus.Active)
            .Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }
}

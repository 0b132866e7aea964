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

    /// <summary>
    /// BIL-11: whether the member holds a live service of the kind (not stopped, not deleted) other than <paramref name="exceptServiceId"/> —
    /// the one whose data is being deleted — so a module keeps data another service still pays for.
    /// </summary>
    public Task<bool> HasOtherLiveAsync(Guid memberId, string kindCode, Guid exceptServiceId, CancellationToken cancellationToken) =>
        db.Set<SubscribedService>().AnyAsync(s => s.MemberId == memberId && s.KindCode == kindCode && s.Id != exceptServiceId
            && s.Status != ServiceStatus.Stopped && s.Status != ServiceStatus.Deleted, cancellationToken);

    /// <summary>MKT-05: which of these members have an active service of <paramref name="kindCode"/> (highlighted listings).</summary>
    public async Task<IReadOnlySet<Guid>> WithActiveAsync(string kindCode, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.ToArray();
        return (await db.Set<SubscribedService>().Where(s => ids.Contains(s.MemberId) && s.KindCode == kindCode && s.Status == ServiceStatus.Active)
            .Select(s => s.MemberId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }
}

/// <summary>
/// Work of a higher module that the daily billing run (BIL-09..11) does after billing the day, e.g. issuing the
/// acceptance certificates of reporting periods that ended (DOC-01). Billing knows only this port; each step is
/// rerun safely — a run killed midway and started again must do nothing twice. <paramref name="keepLease"/> is
/// called between batches so a long step keeps the run's cluster lease.
/// </summary>
[ModuleApi]
public interface IBillingRunStep
{
    /// <summary>What the run's progress names while this step works.</summary>
    string Name { get; }

    Task RunAsync(DateOnly asOf, Func<CancellationToken, Task> keepLease, CancellationToken cancellationToken);
}

/// <summary>
/// BIL-19, ANL-03: the operator's exchange rates as billing needs them to convert the non-resident cap; they are kept
/// by a higher module (the marketplace's currencies), which implements this port.
/// </summary>
[ModuleApi]
public interface ICurrencyRates
{
    /// <summary>How many units of <paramref name="to"/> one unit of <paramref name="from"/> was worth on <paramref name="day"/>, by the newest rates set on or before it; null when either has none.</summary>
    Task<decimal?> RateAsync(string from, string to, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// OPS-02: whether a sanction forbids the member to order or resume services — kept by a higher module (moderation),
/// which implements this port and refuses with a problem the member understands.
/// </summary>
[ModuleApi]
public interface IOrderingRestrictions
{
    /// <summary>Throws a 403 <see cref="DomainException"/> when the member may not order services now.</summary>
    Task EnsureMayOrderAsync(Guid memberId, CancellationToken cancellationToken);
}

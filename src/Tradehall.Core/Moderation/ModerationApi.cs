using Tradehall.Core.Billing;

namespace Tradehall.Core.Moderation;

/// <summary>OPS-02: what a restriction may forbid, and what the modules above moderation ask before they act.</summary>
[ModuleApi]
public static class Restrictions
{
    /// <summary>Creating, editing and publishing listings (marketplace).</summary>
    public const string Posting = "posting";

    /// <summary>Sending chat messages (messaging).</summary>
    public const string Messaging = "messaging";

    /// <summary>Ordering and resuming services (billing, through <see cref="IOrderingRestrictions"/>).</summary>
    public const string Ordering = "ordering";

    public static readonly IReadOnlyList<string> All = [Posting, Messaging, Ordering];
}

/// <summary>
/// OPS-02: a complaint as moderation needs it — kept by the modules where complaints are made (messages, listings),
/// which implement this port; moderation only checks that a sanction's complaint exists and is about the member.
/// </summary>
[ModuleApi]
public interface IComplaintRecords
{
    /// <summary>The member the complaint is about; null when this module holds no complaint with the id.</summary>
    Task<Guid?> AccusedAsync(Guid complaintId, CancellationToken cancellationToken);
}

/// <summary>
/// OPS-02: the door of the modules above moderation. An active restriction forbids what it names; an enforcement
/// suspension forbids all three, as the member's services are suspended. The refusal is a 403 the member understands.
/// </summary>
[ModuleApi]
public sealed class MemberRestrictions(AppDbContext db)
{
    /// <summary>Throws 403 <c>moderation.restricted</c> when an active sanction forbids <paramref name="restriction"/> (<see cref="Restrictions"/>).</summary>
    public async Task EnsureAllowedAsync(Guid memberId, string restriction, CancellationToken cancellationToken)
    {
        var active = await db.Set<Sanction>().AsNoTracking()
            .Where(s => s.MemberId == memberId && s.LiftedAt == null && (s.Kind == SanctionKinds.Suspension || s.Kind == SanctionKinds.Restriction))
            .Select(s => new { s.Kind, s.Restrictions }).ToListAsync(cancellationToken);
        if (active.Any(s => s.Kind == SanctionKinds.Suspension))
        {
            throw DomainException.Forbidden("moderation.suspended", restriction switch
            {
                Restrictions.Posting => "Your account is suspended by the operator for a violation of the rules, so you cannot post listings until the suspension is lifted.",
                Restrictions.Messaging => "Your account is suspended by the operator for a violation of the rules, so you cannot send messages until the suspension is lifted.",
                _ => "Your account is suspended by the operator for a violation of the rules, so you cannot order or resume services until the suspension is lifted.",
            });
        }
        if (active.Any(s => s.Restrictions.Split(',').Contains(restriction)))
        {
            throw DomainException.Forbidden("moderation.restricted", restriction switch
            {
                Restrictions.Posting => "The operator has restricted your account for a violation of the rules: you cannot post or publish listings until the restriction is lifted.",
                Restrictions.Messaging => "The operator has restricted your account for a violation of the rules: you cannot send messages until the restriction is lifted.",
                _ => "The operator has restricted your account for a violation of the rules: you cannot order or resume services until the restriction is lifted.",
            });
        }
    }
}

/// <summary>Billing's port: ordering is one of the restrictions.</summary>
internal sealed class OrderingRestrictions(MemberRestrictions restrictions) : IOrderingRestrictions
{
    public Task EnsureMayOrderAsync(Guid memberId, CancellationToken cancellationToken) =>
        restrictions.EnsureAllowedAsync(memberId, Restrictions.Ordering, cancellationToken);
}

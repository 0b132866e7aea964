using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Contract;

namespace Tradehall.Core.Moderation;

/// <summary>The body of <c>POST /api/v1/operator/members/{accountId}/sanctions</c> (SPEC §15.2); <c>confirmForfeit</c> is the OPS-03 confirmation.</summary>
public sealed record SanctionRequest(string? Kind, string? Reason, Guid? ComplaintId = null, IReadOnlyList<string>? Restrictions = null, bool? ConfirmForfeit = null);

public sealed record SanctionCreated(Guid Id);

/// <summary>A recorded violation as the member reads it (<c>GET /api/v1/me/violations</c>).</summary>
public sealed record ViolationView(Guid Id, string Kind, string Reason, DateTime At);

/// <summary>A sanction as the operator's console and the member's page show it, with what it forbids and whether it still holds.</summary>
public sealed record SanctionView(Guid Id, string Kind, string Reason, Guid? ComplaintId, IReadOnlyList<string> Restrictions, DateTime At, DateTime? LiftedAt, bool Active);

/// <summary>A member's sanctions with what they mean now: may the operator terminate, and since when the services are suspended.</summary>
public sealed record SanctionsView(IReadOnlyList<SanctionView> Sanctions, int Violations, DateOnly? SuspendedSince, bool Terminated, bool TerminationAllowed, decimal StorageFeePerMonth, string Currency);

/// <summary>
/// OPS-02..04: the operator imposes a sanction on a member — a warning, a restriction, an enforcement suspension or
/// termination. Each is a recorded violation with its reason (and optionally the complaint it answers), archived, and
/// the member is told by a service notice, which cannot be switched off on the site as it is part of the contract.
/// A restriction and a suspension hold until the operator lifts them; lifting is archived and told too.
/// </summary>
public sealed class Sanctions(
    AppDbContext db, MemberLookup members, Enforcement enforcement, ModerationNotices notices, EvidenceArchive archive, IEnumerable<IComplaintRecords> complaints,
    TimeProvider time, IOptions<ModerationOptions> options, IOptions<BillingOptions> billing, IOptions<TradehallOptions> site)
{
    public async Task<SanctionCreated> ImposeAsync(Guid operatorId, Guid memberId, SanctionRequest request, CancellationToken cancellationToken)
    {
        var (kind, reason, restrictions) = Check(request);
        if (await members.FindAsync(memberId, cancellationToken) is null)
        {
            throw DomainException.NotFound("moderation.member_not_found", "There is no such member.");
        }
        await CheckComplaintAsync(memberId, request.ComplaintId, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var terminationReason = kind == SanctionKinds.Termination ? await TerminationReasonAsync(memberId, today, cancellationToken) : null;
        if (kind == SanctionKinds.Suspension && await enforcement.SuspendedSinceAsync(memberId, cancellationToken) is not null)
        {
            throw new DomainException("moderation.already_suspended", "The member's services are suspended already; lift that suspension first.", StatusCodes.Status409Conflict);
        }
        var sanction = new Sanction
        {
            MemberId = memberId,
            Kind = kind,
            Reason = reason,
            ComplaintId = request.ComplaintId,
            Restrictions = string.Join(',', restrictions),
            At = time.UtcNow(),
            ImposedBy = operatorId,
        };
        await db.InTransactionAsync(async () =>
        {
            db.Set<Sanction>().Add(sanction);
            archive.Record("moderation.sanction_imposed", $"member:{memberId}", operatorId, onBehalfOfId: memberId,
                after: new { sanction.Id, kind, reason, complaint = request.ComplaintId, restrictions, termination = terminationReason });
            notices.Imposed(sanction);
            await db.SaveChangesAsync(cancellationToken);
            if (kind == SanctionKinds.Suspension)
            {
                await enforcement.SuspendAsync(memberId, today, operatorId, cancellationToken);
            }
            else if (terminationReason is not null)
            {
                await enforcement.TerminateAsync(memberId, terminationReason, today, operatorId, cancellationToken);
            }
        }, cancellationToken);
        return new SanctionCreated(sanction.Id);
    }

    /// <summary>OPS-02: lifts a restriction or a suspension; lifting one already lifted changes nothing.</summary>
    public async Task LiftAsync(Guid operatorId, Guid memberId, Guid sanctionId, CancellationToken cancellationToken)
    {
        var sanction = await db.Set<Sanction>().FirstOrDefaultAsync(s => s.Id == sanctionId && s.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("moderation.sanction_not_found", "The member has no such sanction.");
        if (sanction.Kind is not (SanctionKinds.Restriction or SanctionKinds.Suspension))
        {
            throw new DomainException("moderation.not_liftable", "Only a restriction or a suspension can be lifted; a warning or a termination stays as it is.", StatusCodes.Status409Conflict);
        }
        if (sanction.LiftedAt is not null)
        {
            return;
        }
        if (await enforcement.IsTerminatedAsync(memberId, cancellationToken))
        {
            throw new DomainException("moderation.contract_terminated", "The member's contract has ended; there is nothing left to lift.", StatusCodes.Status409Conflict);
        }
        var today = time.Today(site.Value.Zone);
        await db.InTransactionAsync(async () =>
        {
            sanction.LiftedAt = time.UtcNow();
            sanction.LiftedBy = operatorId;
            archive.Record("moderation.sanction_lifted", $"member:{memberId}", operatorId, onBehalfOfId: memberId,
                before: new { sanction.Id, sanction.Kind, restrictions = sanction.RestrictionList }, after: new { lifted = sanction.LiftedAt });
            notices.Lifted(sanction, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(sanction.At, site.Value.Zone)));
            await db.SaveChangesAsync(cancellationToken);
            if (sanction.Kind == SanctionKinds.Suspension)
            {
                await enforcement.LiftAsync(memberId, today, operatorId, cancellationToken);
            }
        }, cancellationToken);
        if (sanction.Kind == SanctionKinds.Suspension)
        {
            await enforcement.ResumePaidUpAsync(memberId, today, cancellationToken);
        }
    }

    /// <summary>GET /api/v1/me/violations: the caller's own recorded violations, newest first.</summary>
    public async Task<IReadOnlyList<ViolationView>> ViolationsAsync(Guid memberId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(memberId, cancellationToken)).Select(s => new ViolationView(s.Id, s.Kind, s.Reason, s.At))];

    /// <summary>The member's sanctions and their state, for the operator (404 for an unknown member) and for the member's own page.</summary>
    public async Task<SanctionsView> ViewAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (await members.FindAsync(memberId, cancellationToken) is null)
        {
            throw DomainException.NotFound("moderation.member_not_found", "There is no such member.");
        }
        var sanctions = await ListAsync(memberId, cancellationToken);
        var since = await enforcement.SuspendedSinceAsync(memberId, cancellationToken);
        var terminated = await enforcement.IsTerminatedAsync(memberId, cancellationToken);
        var allowed = !terminated && TerminationReason(sanctions.Count, since, time.Today(site.Value.Zone)) is not null;
        return new SanctionsView(sanctions, sanctions.Count, since, terminated, allowed, billing.Value.StorageFeePerMonth, billing.Value.Currency);
    }

    private async Task<IReadOnlyList<SanctionView>> ListAsync(Guid memberId, CancellationToken cancellationToken) =>
        [.. (await db.Set<Sanction>().AsNoTracking().Where(s => s.MemberId == memberId).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id)
            .Select(s => new SanctionView(s.Id, s.Kind, s.Reason, s.ComplaintId, s.RestrictionList, s.At, s.LiftedAt, s.Active))];

    private (string Kind, string Reason, IReadOnlyList<string> Restrictions) Check(SanctionRequest request)
    {
        var errors = new FieldErrors();
        var kind = request.Kind?.Trim() ?? "";
        if (!SanctionKinds.All.Contains(kind))
        {
            errors.Add("kind", "Choose the sanction: warning, restriction, suspension or termination.");
        }
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            errors.Add("reason", "Say which rule was broken and how; the member is told this reason.");
        }
        else if (reason.Length > options.Value.MaxReasonLength)
        {
            errors.Add("reason", "The reason is too long.");
        }
        var restrictions = (request.Restrictions ?? []).Select(r => r?.Trim() ?? "").Distinct().ToList();
        if (kind == SanctionKinds.Restriction && restrictions.Count == 0)
        {
            errors.Add("restrictions", "Choose what the restriction forbids: posting, messaging or ordering.");
        }
        else if (restrictions.Any(r => !Restrictions.All.Contains(r)))
        {
            errors.Add("restrictions", "A restriction may forbid only posting, messaging or ordering.");
        }
        else if (kind != SanctionKinds.Restriction && restrictions.Count > 0)
        {
            errors.Add("restrictions", "Only a restriction names what it forbids.");
        }
        if (kind == SanctionKinds.Termination && request.ConfirmForfeit != true)
        {
            errors.Add("confirmForfeit", "Confirm that the remaining balance is forfeited as a penalty on termination.");
        }
        errors.ThrowIfAny();
        return (kind, reason, [.. Restrictions.All.Where(restrictions.Contains)]);
    }

    private async Task CheckComplaintAsync(Guid memberId, Guid? complaintId, CancellationToken cancellationToken)
    {
        if (complaintId is not { } id)
        {
            return;
        }
        foreach (var records in complaints)
        {
            if (await records.AccusedAsync(id, cancellationToken) is { } accused)
            {
                if (accused != memberId)
                {
                    throw DomainException.Field("moderation.complaint_other_member", "complaintId", "This complaint is about another member.");
                }
                return;
            }
        }
        throw DomainException.Field("moderation.unknown_complaint", "complaintId", "There is no complaint with this id.");
    }

    /// <summary>OPS-03, OPS-04: why termination is allowed now, or 409 when it is not.</summary>
    private async Task<string> TerminationReasonAsync(Guid memberId, DateOnly today, CancellationToken cancellationToken)
    {
        var violations = await db.Set<Sanction>().CountAsync(s => s.MemberId == memberId, cancellationToken);
        var since = await enforcement.SuspendedSinceAsync(memberId, cancellationToken);
        return TerminationReason(violations, since, today)
            ?? throw new DomainException("moderation.termination_not_allowed",
                "Termination is not possible yet: it needs enough recorded violations, or a sanction suspension that has lasted long enough, as the offer sets.",
                StatusCodes.Status409Conflict);
    }

    /// <summary>OPS-04: "more than six months" — on the day six months after the suspension began, not yet.</summary>
    private string? TerminationReason(int violations, DateOnly? suspendedSince, DateOnly today) =>
        violations >= options.Value.ViolationsBeforeTermination ? TerminationReasons.SystematicViolation
        : suspendedSince is { } since && today > since.AddMonths(options.Value.SuspensionMonthsBeforeTermination) ? TerminationReasons.LongSuspension
        : null;
}

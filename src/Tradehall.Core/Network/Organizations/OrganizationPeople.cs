using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Network.Organizations;

public sealed record OrganizationMemberRequest(string? Member, string? Role);

/// <summary>An invitation as the organization's admins see it.</summary>
public sealed record OrganizationInvitationView(Guid Id, string Status, string Role, MemberCard Member, MemberCard? InvitedBy, DateTime At);

/// <summary>An invitation as the invited person sees it.</summary>
public sealed record MyOrganizationInvitation(Guid Id, OrganizationCard Organization, string Role, MemberCard? InvitedBy, DateTime At);

/// <summary>
/// NET-05: who works at an organization. Nobody is listed against their will: an admin invites, and only the
/// person's acceptance makes them an employee or admin. Members leave when they like; one admin always stays.
/// </summary>
public sealed class OrganizationPeople(AppDbContext db, Organizations organizations, INetwork network, Notifier notifier, EvidenceArchive archive,
    IOptions<NetworkOptions> options, TimeProvider time)
{
    public const string Pending = "pending";

    /// <summary>
    /// An admin invites a person as employee or admin (the answer is the invitation), or changes the role of
    /// someone who already accepted (the answer is null).
    /// </summary>
    public async Task<OrganizationInvitationView?> SetMemberAsync(Guid adminId, string slug, OrganizationMemberRequest request, CancellationToken cancellationToken)
    {
        var organization = await organizations.AdministeredAsync(adminId, slug, cancellationToken);
        var role = request.Role?.Trim().ToLowerInvariant() switch
        {
            "admin" => OrganizationRole.Admin,
            "employee" or null or "" => OrganizationRole.Employee,
            _ => throw DomainException.Field("network.organization_role_invalid", "role", "The role is employee or admin."),
        };
        if (string.IsNullOrWhiteSpace(request.Member))
        {
            throw DomainException.Field("network.member_missing", "member", "Say whom to add: a page address or an account id.");
        }
        var target = await network.FindMemberAsync(request.Member, cancellationToken)
            ?? throw DomainException.Field("network.member_not_found", "member", "There is no such member.");
        var staff = await db.Set<OrganizationMember>().Where(m => m.OrganizationId == organization.Id).ToListAsync(cancellationToken);
        if (staff.FirstOrDefault(m => m.MemberId == target.Id) is { } row)
        {
            await ChangeRoleAsync(adminId, organization, row, role, cancellationToken);
            return null;
        }
        return await InviteAsync(adminId, organization, target, role, staff, cancellationToken);
    }

    private async Task ChangeRoleAsync(Guid adminId, Organization organization, OrganizationMember row, OrganizationRole role, CancellationToken cancellationToken)
    {
        if (row.Role == role)
        {
            return;
        }
        await KeepAnAdminAsync(organization.Id, row, role, cancellationToken);
        archive.Record("network.organization_role_changed", Subject(organization), adminId,
            before: new { member = row.MemberId, role = Name(row.Role) }, after: new { member = row.MemberId, role = Name(role) });
        row.Role = role;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<OrganizationInvitationView> InviteAsync(Guid adminId, Organization organization, MemberCard target, OrganizationRole role,
        List<OrganizationMember> staff, CancellationToken cancellationToken)
    {
        // NET-07: a person who blocked the inviter, or any admin of the organization, hears nothing from it.
        var admins = staff.Where(m => m.Role == OrganizationRole.Admin).Select(m => m.MemberId).Append(adminId).Distinct().ToArray();
        if (await db.Set<Block>().AnyAsync(b => b.BlockerId == target.Id && admins.Contains(b.BlockedId), cancellationToken))
        {
            throw DomainException.Forbidden("network.blocked", "This member does not accept invitations from this organization.");
        }
        if (await network.HasBlockedAsync(adminId, target.Id, cancellationToken))
        {
            throw DomainException.Forbidden("network.blocked", "You blocked this member. Unblock them first.");
        }
        var now = time.UtcNow();
        var limits = options.Value;
        var pauseStart = now - limits.DeclinedInvitationPause;
        var earlier = await db.Set<OrganizationInvitation>().AsNoTracking()
            .Where(i => i.MemberId == target.Id && i.OrganizationId == organization.Id
                && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Declined && i.AnsweredAt > pauseStart))
            .Select(i => i.Status).ToListAsync(cancellationToken);
        if (earlier.Contains(InvitationStatus.Pending))
        {
            throw PendingAlready();
        }
        if (earlier.Contains(InvitationStatus.Declined))
        {
            throw DomainException.Conflict("network.organization_invitation_declined", "member", "This member declined an invitation recently. You cannot invite them again yet.");
        }
        var since = now - limits.ContactRequestWindow;
        if (await db.Set<OrganizationInvitation>().CountAsync(i => i.InvitedBy == adminId && i.CreatedAt > since, cancellationToken) >= limits.InvitationsPerWindow)
        {
            throw DomainException.TooMany("network.organization_invitation_rate_limited", "You have sent too many invitations. Try again later.",
                (int)limits.ContactRequestWindow.TotalSeconds);
        }
        var invitation = new OrganizationInvitation
        {
            OrganizationId = organization.Id, MemberId = target.Id, InvitedBy = adminId, Role = role, Status = InvitationStatus.Pending, CreatedAt = now,
        };
        db.Set<OrganizationInvitation>().Add(invitation);
        var inviter = (await network.CardsAsync([adminId], cancellationToken)).GetValueOrDefault(adminId);
        notifier.Add(new NotificationRequest(target.Id, NotificationType.OrganizationInvitation, $"/o/{organization.Slug}", adminId, inviter?.Name,
            Excerpt: organization.Name));
        archive.Record("network.organization_invited", Subject(organization), adminId,
            after: new { invitation = invitation.Id, member = target.Id, role = Name(role) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person invited twice at once: the unique index of pending invitations lets one through.
            throw PendingAlready();
        }
        return new OrganizationInvitationView(invitation.Id, Pending, Name(role), target, inviter, now);
    }

    /// <summary>The invitations waiting for this person's answer; nobody else's.</summary>
    public async Task<IReadOnlyList<MyOrganizationInvitation>> MineAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<OrganizationInvitation>().AsNoTracking()
            .Where(i => i.MemberId == memberId && i.Status == InvitationStatus.Pending)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
        var companies = await network.OrganizationCardsAsync(rows.Select(r => r.OrganizationId).Distinct().ToList(), cancellationToken);
        var inviters = await network.CardsAsync(rows.Select(r => r.InvitedBy).Distinct().ToList(), cancellationToken);
        return rows.Where(r => companies.ContainsKey(r.OrganizationId))
            .Select(r => new MyOrganizationInvitation(r.Id, companies[r.OrganizationId], Name(r.Role), inviters.GetValueOrDefault(r.InvitedBy), r.CreatedAt))
            .ToList();
    }

    /// <summary>The invited person joins with the role they were offered.</summary>
    public async Task AcceptAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var invitation = await PendingOfAsync(memberId, id, cancellationToken);
        invitation.Status = InvitationStatus.Accepted;
        invitation.AnsweredAt = time.UtcNow();
        if (!await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == invitation.OrganizationId && m.MemberId == memberId, cancellationToken))
        {
            db.Set<OrganizationMember>().Add(new OrganizationMember
            {
                OrganizationId = invitation.OrganizationId, MemberId = memberId, Role = invitation.Role, AddedAt = time.UtcNow(),
            });
        }
        archive.Record("network.organization_invitation_accepted", Subject(invitation.OrganizationId), memberId,
            after: new { invitation = invitation.Id, member = memberId, role = Name(invitation.Role), invitedBy = invitation.InvitedBy });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Answered twice at once: the first answer stands.
            throw NoInvitation();
        }
    }

    public async Task DeclineAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var invitation = await PendingOfAsync(memberId, id, cancellationToken);
        invitation.Status = InvitationStatus.Declined;
        invitation.AnsweredAt = time.UtcNow();
        archive.Record("network.organization_invitation_declined", Subject(invitation.OrganizationId), memberId,
            after: new { invitation = invitation.Id, member = memberId, invitedBy = invitation.InvitedBy });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The invitations of an organization still waiting for an answer, for its admins.</summary>
    public async Task<IReadOnlyList<OrganizationInvitationView>> PendingAsync(Guid adminId, string slug, CancellationToken cancellationToken)
    {
        var organization = await organizations.AdministeredAsync(adminId, slug, cancellationToken);
        var rows = await db.Set<OrganizationInvitation>().AsNoTracking()
            .Where(i => i.OrganizationId == organization.Id && i.Status == InvitationStatus.Pending)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
        var cards = await network.CardsAsync(rows.SelectMany(r => new[] { r.MemberId, r.InvitedBy }).Distinct().ToList(), cancellationToken);
        return rows.Where(r => cards.ContainsKey(r.MemberId))
            .Select(r => new OrganizationInvitationView(r.Id, Pending, Name(r.Role), cards[r.MemberId], cards.GetValueOrDefault(r.InvitedBy), r.CreatedAt))
            .ToList();
    }

    /// <summary>An admin takes back an invitation that has not been answered.</summary>
    public async Task WithdrawAsync(Guid adminId, string slug, Guid id, CancellationToken cancellationToken)
    {
        var organization = await organizations.AdministeredAsync(adminId, slug, cancellationToken);
        var invitation = await db.Set<OrganizationInvitation>()
            .FirstOrDefaultAsync(i => i.Id == id && i.OrganizationId == organization.Id && i.Status == InvitationStatus.Pending, cancellationToken)
            ?? throw NoInvitation();
        invitation.Status = InvitationStatus.Withdrawn;
        invitation.AnsweredAt = time.UtcNow();
        archive.Record("network.organization_invitation_withdrawn", Subject(organization), adminId,
            before: new { invitation = invitation.Id, member = invitation.MemberId, role = Name(invitation.Role) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A member leaves at any time; the last admin must first make someone else an admin.</summary>
    public async Task LeaveAsync(Guid memberId, string slug, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(slug, cancellationToken);
        var row = await db.Set<OrganizationMember>().FirstOrDefaultAsync(m => m.OrganizationId == organization.Id && m.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("network.organization_member_not_found", "This member is not in the organization.");
        await RemoveAsync(memberId, organization, row, cancellationToken);
    }

    /// <summary>An admin removes someone, or a member leaves; the last admin can do neither to themselves.</summary>
    public async Task RemoveMemberAsync(Guid actorId, string slug, string member, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(slug, cancellationToken);
        var target = await network.FindMemberAsync(member, cancellationToken);
        var rows = await db.Set<OrganizationMember>().Where(m => m.OrganizationId == organization.Id).ToListAsync(cancellationToken);
        var actorIsAdmin = rows.Any(r => r.MemberId == actorId && r.Role == OrganizationRole.Admin);
        var row = target is null ? null : rows.FirstOrDefault(r => r.MemberId == target.Id);
        if (row is null || row.MemberId != actorId && !actorIsAdmin)
        {
            if (!actorIsAdmin && !rows.Any(r => r.MemberId == actorId))
            {
                throw DomainException.Forbidden("network.organization_admin_only", "Only the organization's admins may do this.");
            }
            throw DomainException.NotFound("network.organization_member_not_found", "This member is not in the organization.");
        }
        await RemoveAsync(actorId, organization, row, cancellationToken);
    }

    private async Task RemoveAsync(Guid actorId, Organization organization, OrganizationMember row, CancellationToken cancellationToken)
    {
        await KeepAnAdminAsync(organization.Id, row, null, cancellationToken);
        db.Set<OrganizationMember>().Remove(row);
        archive.Record(row.MemberId == actorId ? "network.organization_left" : "network.organization_member_removed", Subject(organization), actorId,
            before: new { member = row.MemberId, role = Name(row.Role) });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task KeepAnAdminAsync(Guid organizationId, OrganizationMember row, OrganizationRole? newRole, CancellationToken cancellationToken)
    {
        if (row.Role == OrganizationRole.Admin && newRole != OrganizationRole.Admin
            && await db.Set<OrganizationMember>().CountAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.Admin, cancellationToken) <= 1)
        {
            throw DomainException.Conflict("network.last_admin", "member", "An organization keeps at least one admin. Make someone else an admin first.");
        }
    }

    /// <summary>Only the invited person answers; for anyone else the invitation does not exist (404).</summary>
    private async Task<OrganizationInvitation> PendingOfAsync(Guid memberId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<OrganizationInvitation>()
            .FirstOrDefaultAsync(i => i.Id == id && i.MemberId == memberId && i.Status == InvitationStatus.Pending, cancellationToken)
        ?? throw NoInvitation();

    private static DomainException PendingAlready() =>
        DomainException.Conflict("network.organization_invitation_pending", "member", "An invitation to this member is already waiting for an answer.");

    private static DomainException NoInvitation() =>
        DomainException.NotFound("network.organization_invitation_not_found", "There is no such invitation.");

    private static string Subject(Organization organization) => Subject(organization.Id);

    private static string Subject(Guid organizationId) => $"organization:{organizationId}";

    public static string Name(OrganizationRole role) => role == OrganizationRole.Admin ? "admin" : "employee";
}

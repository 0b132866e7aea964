using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Organizations;

namespace Tradehall.Core.Network.Blocking;

/// <summary>
/// NET-07: blocking ends any contact between the two, declines the blocked member's waiting invitations to organizations,
/// and stops new requests, invitations, comments and chats from the blocked member.
/// </summary>
public sealed class Blocks(AppDbContext db, INetwork network, TimeProvider time)
{
    public async Task BlockAsync(Guid blocker, string handleOrId, CancellationToken cancellationToken)
    {
        var target = await network.FindMemberAsync(handleOrId, cancellationToken)
            ?? throw DomainException.NotFound("network.member_not_found", "There is no such member.");
        if (target.Id == blocker)
        {
            throw DomainException.Field("network.block_self", "member", "You cannot block yourself.");
        }
        if (!await db.Set<Block>().AnyAsync(b => b.BlockerId == blocker && b.BlockedId == target.Id, cancellationToken))
        {
            db.Set<Block>().Add(new Block { BlockerId = blocker, BlockedId = target.Id, At = time.UtcNow() });
        }
        db.Set<Contact>().RemoveRange(await db.Set<Contact>()
            .Where(c => c.RequesterId == blocker && c.AddresseeId == target.Id || c.RequesterId == target.Id && c.AddresseeId == blocker)
            .ToListAsync(cancellationToken));
        // NET-05: an invitation from the blocked member that waits for the blocker's answer counts as declined.
        foreach (var invitation in await db.Set<OrganizationInvitation>()
            .Where(i => i.MemberId == blocker && i.InvitedBy == target.Id && i.Status == InvitationStatus.Pending)
            .ToListAsync(cancellationToken))
        {
            invitation.Status = InvitationStatus.Declined;
            invitation.AnsweredAt = time.UtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnblockAsync(Guid blocker, string handleOrId, CancellationToken cancellationToken)
    {
        var target = await network.FindMemberAsync(handleOrId, cancellationToken)
            ?? throw DomainException.NotFound("network.member_not_found", "There is no such member.");
        await db.Set<Block>().Where(b => b.BlockerId == blocker && b.BlockedId == target.Id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MemberCard>> ListAsync(Guid blocker, CancellationToken cancellationToken)
    {
        var ids = await db.Set<Block>().Where(b => b.BlockerId == blocker).Select(b => b.BlockedId).ToListAsync(cancellationToken);
        return (await network.CardsAsync(ids, cancellationToken)).Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}

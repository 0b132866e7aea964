using Tradehall.Core.Billing;
using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network;

/// <summary>How the viewer stands to a page's owner: decides which fields they see (NET-01).</summary>
public enum Relation
{
    Visitor,
    Member,
    Contact,
    Owner,
}

/// <summary>Relations between members, shared by pages, contacts, comments and the directory.</summary>
public sealed class Relations(AppDbContext db, Entitlements entitlements)
{
    public async Task<Relation> OfAsync(Guid? viewerId, Guid ownerId, CancellationToken cancellationToken)
    {
        if (viewerId is not { } viewer)
        {
            return Relation.Visitor;
        }
        if (viewer == ownerId)
        {
            return Relation.Owner;
        }
        return await AreContactsAsync(viewer, ownerId, cancellationToken) ? Relation.Contact : Relation.Member;
    }

    public static bool Sees(Visibility visibility, Relation relation) => visibility switch
    {
        Visibility.Public => true,
        Visibility.Contacts => relation is Relation.Contact or Relation.Owner,
        _ => relation == Relation.Owner,
    };

    public Task<bool> AreContactsAsync(Guid a, Guid b, CancellationToken cancellationToken) =>
        db.Set<Contact>().AnyAsync(c => c.Status == ContactStatus.Accepted
            && (c.RequesterId == a && c.AddresseeId == b || c.RequesterId == b && c.AddresseeId == a), cancellationToken);

    /// <summary>The contact row between two members that is still live (requested or accepted), if any.</summary>
    public Task<Contact?> LiveContactAsync(Guid a, Guid b, CancellationToken cancellationToken) =>
        db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(c => c.Status != ContactStatus.Declined
            && (c.RequesterId == a && c.AddresseeId == b || c.RequesterId == b && c.AddresseeId == a), cancellationToken);

    public IQueryable<Guid> ContactIds(Guid memberId) =>
        db.Set<Contact>().Where(c => c.Status == ContactStatus.Accepted && (c.RequesterId == memberId || c.AddresseeId == memberId))
            .Select(c => c.RequesterId == memberId ? c.AddresseeId : c.RequesterId);

    public Task<bool> HasBlockedAsync(Guid blocker, Guid blocked, CancellationToken cancellationToken) =>
        db.Set<Block>().AnyAsync(b => b.BlockerId == blocker && b.BlockedId == blocked, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Badges>> BadgesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.ToArray();
        var phones = await new MemberLookup(db).Rows.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.PhoneConfirmed }).ToListAsync(cancellationToken);
        var paying = await entitlements.WithAnyActiveAsync(ids, cancellationToken);
        return phones.ToDictionary(p => p.Id, p => new Badges(p.PhoneConfirmed, paying.Contains(p.Id)));
    }
}

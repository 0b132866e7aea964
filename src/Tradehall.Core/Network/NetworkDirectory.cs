using System.Linq.Expressions;
using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network;

internal sealed class NetworkDirectory(AppDbContext db, Relations relations) : INetwork
{
    public async Task<MemberCard?> FindMemberAsync(string handleOrId, CancellationToken cancellationToken)
    {
        var key = handleOrId.Trim();
        if (Guid.TryParse(key, out var id))
        {
            return await Cards(p => p.MemberId == id).FirstOrDefaultAsync(cancellationToken);
        }
        var handle = key.ToLowerInvariant();
        return await Cards(p => p.Handle == handle).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, MemberCard>> CardsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        // An array, because EF cannot translate every collection type a caller may pass (a collection expression's, for one);
        // bound as one parameter, so the SQL is the same for any number of ids and EF does not rebuild it on every call
        // (cards are read for every page of search results).
        // No ids, no round trip: an empty result page or a page of personal listings asks for none.
        if (memberIds.Count == 0)
        {
            return new Dictionary<Guid, MemberCard>();
        }
        var ids = memberIds.ToArray();
        return await Cards(p => EF.Parameter(ids).Contains(p.MemberId)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public Task<bool> HasBlockedAsync(Guid blocker, Guid blocked, CancellationToken cancellationToken) =>
        db.Set<Block>().AnyAsync(b => b.BlockerId == blocker && b.BlockedId == blocked, cancellationToken);

    public async Task<IReadOnlyList<OrganizationCard>> OrganizationsOfAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await db.Set<OrganizationMember>().AsNoTracking().Where(m => m.MemberId == memberId)
            .Join(db.Set<Organization>(), m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Slug, o.Name })
            .ToListAsync(cancellationToken))
            .Select(o => new OrganizationCard(o.Id, o.Slug, o.Name)).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyDictionary<Guid, OrganizationCard>> OrganizationCardsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        if (organizationIds.Count == 0)
        {
            return new Dictionary<Guid, OrganizationCard>();
        }
        var ids = organizationIds.ToArray();
        return await db.Set<Organization>().AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id))
            .Select(o => new OrganizationCard(o.Id, o.Slug, o.Name)).ToDictionaryAsync(o => o.Id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, Badges>> BadgesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        memberIds.Count == 0 ? new Dictionary<Guid, Badges>() : await relations.BadgesAsync(memberIds, cancellationToken);

    /// <summary>Filters before the projection: EF cannot translate a filter on a record built in the query.</summary>
    private IQueryable<MemberCard> Cards(Expression<Func<Profile, bool>> filter) =>
        db.Set<Profile>().AsNoTracking().Where(filter)
            .Join(new MemberLookup(db).Rows.Where(m => m.Active), p => p.MemberId, m => m.Id,
                (p, m) => new MemberCard(m.Id, p.Handle, m.FullName));
}

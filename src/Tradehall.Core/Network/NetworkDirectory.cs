using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;
using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network;

internal sealed class NetworkDirectory(AppDbContext db) : INetwork
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

    public async Task<IReadOnlyDictionary<Guid, MemberCard>> CardsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        await Cards(p => memberIds.Contains(p.MemberId)).ToDictionaryAsync(c => c.Id, cancellationToken);

    public Task<bool> HasBlockedAsync(Guid blocker, Guid blocked, CancellationToken cancellationToken) =>
        db.Set<Block>().AnyAsync(b => b.BlockerId == blocker && b.BlockedId == blocked, cancellationToken);

    // Filtered before the projection: EF cannot translate a filter on the constructed card.
    private IQueryable<MemberCard> Cards(Expression<Func<Profile, bool>> which) =>
        db.Set<Profile>().AsNoTracking().Where(which)
            .Join(db.Users.Where(m => m.DisabledAt == null), p => p.MemberId, m => m.Id,
                (p, m) => new MemberCard(m.Id, p.Handle, m.FirstName + " " + m.LastName));
}

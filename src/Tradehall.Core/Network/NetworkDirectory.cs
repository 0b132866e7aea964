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
        var byId = Guid.TryParse(key, out var id);
        var handle = key.ToLowerInvariant();
        return await Cards().Where(c => byId ? c.Id == id : c.Handle == handle).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, MemberCard>> CardsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        await Cards().Where(c => memberIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

    public Task<bool> HasBlockedAsync(Guid blocker, Guid blocked, CancellationToken cancellationToken) =>
        db.Set<Block>().AnyAsync(b => b.BlockerId == blocker && b.BlockedId == blocked, cancellationToken);

    private IQueryable<MemberCard> Cards() =>
        db.Set<Profile>().AsNoTracking()
            .Join(db.Users.Where(m => m.DisabledAt == null), p => p.MemberId, m => m.Id,
                (p, m) => new MemberCard(m.Id, p.Handle, m.FirstName + " " + m.LastName));
}

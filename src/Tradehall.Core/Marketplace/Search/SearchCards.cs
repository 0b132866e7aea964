using System.Collections.Concurrent;
using Tradehall.Core.Network;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: the names and addresses of the members and companies on result pages, kept per node for
/// <see cref="MarketplaceOptions.SearchCardLifetime"/>: reading them was half of a search's cost on PostgreSQL (two
/// statements a page). A renamed member shows under the new name in results within that time; the listing's own page
/// always reads them fresh. A member whose account ends has no listings left to show.
/// </summary>
public sealed class SearchCards(TimeProvider time, IOptions<MarketplaceOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (MemberCard? Card, long Read)> members = new();
    private readonly ConcurrentDictionary<Guid, (OrganizationCard? Card, long Read)> organizations = new();

    public Task<IReadOnlyDictionary<Guid, MemberCard>> MembersAsync(IReadOnlyCollection<Guid> ids, INetwork network, CancellationToken cancellationToken) =>
        CardsAsync(members, ids, network.CardsAsync, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, OrganizationCard>> OrganizationsAsync(IReadOnlyCollection<Guid> ids, INetwork network, CancellationToken cancellationToken) =>
        CardsAsync(organizations, ids, network.OrganizationCardsAsync, cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, T>> CardsAsync<T>(ConcurrentDictionary<Guid, (T? Card, long Read)> cache, IReadOnlyCollection<Guid> ids,
        Func<IReadOnlyCollection<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, T>>> read, CancellationToken cancellationToken)
        where T : class
    {
        var lifetime = options.Value.SearchCardLifetime;
        var found = new Dictionary<Guid, T>();
        var missing = new List<Guid>();
        foreach (var id in ids)
        {
            if (cache.TryGetValue(id, out var held) && time.GetElapsedTime(held.Read) < lifetime)
            {
                if (held.Card is not null)
                {
                    found[id] = held.Card;
                }
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count == 0)
        {
            return found;
        }
        var fresh = await read(missing, cancellationToken);
        if (cache.Count > options.Value.SearchCardsHeld)
        {
            cache.Clear();
        }
        var now = time.GetTimestamp();
        foreach (var id in missing)
        {
            var card = fresh.GetValueOrDefault(id);
            cache[id] = (card, now);
            if (card is not null)
            {
                found[id] = card;
            }
        }
        return found;
    }
}

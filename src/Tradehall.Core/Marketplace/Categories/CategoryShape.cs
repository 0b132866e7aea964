namespace Tradehall.Core.Marketplace.Categories;

/// <summary>One category as the cached tree holds it.</summary>
public sealed record CategoryRow(
    int Id, int? ParentId, string Code, string NameEn, string NameRu, int SortOrder, string Synonyms, bool Retired, int? MergedIntoId)
{
    public string Name(bool russian) => russian ? NameRu : NameEn;
}

/// <summary>The whole taxonomy at one moment, with the lookups reading it needs; never changed once made.</summary>
public sealed class CategorySnapshot
{
    private readonly Dictionary<int, CategoryRow> byId;
    private readonly ILookup<int, int> predecessors;

    internal CategorySnapshot(IReadOnlyList<CategoryRow> rows)
    {
        All = rows;
        byId = rows.ToDictionary(r => r.Id);
        Children = rows.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToLookup(r => r.ParentId);
        predecessors = rows.Where(r => r.Retired && r.MergedIntoId is not null).ToLookup(r => r.MergedIntoId!.Value, r => r.Id);
    }

    /// <summary>Every category, retired ones too.</summary>
    public IReadOnlyList<CategoryRow> All { get; }

    /// <summary>Children of a category (null: the roots) in their order, retired ones too.</summary>
    public ILookup<int?, CategoryRow> Children { get; }

    public CategoryRow? Find(int id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// The category a link to <paramref name="id"/> leads to: itself, or for a retired one the successor it was merged
    /// into, followed to the end of the chain. Null for an unknown id or a chain that loops.
    /// </summary>
    public int? Resolve(int id)
    {
        var seen = new HashSet<int>();
        var node = Find(id);
        while (node is { Retired: true, MergedIntoId: { } next })
        {
            if (!seen.Add(node.Id))
            {
                return null;
            }
            node = Find(next);
        }
        return node?.Id;
    }

    /// <summary>
    /// MKT-02: the category <paramref name="id"/> resolves to, its live descendants, and the retired categories merged
    /// into any of them — so a listing that reached a category in the moment it was merged away is still found under
    /// the successor. Empty for an unknown id.
    /// </summary>
    public IReadOnlyList<int> Subtree(int id)
    {
        if (Resolve(id) is not { } live)
        {
            return [];
        }
        var result = new List<int>();
        var seen = new HashSet<int>();
        var pending = new Stack<int>([live]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }
            result.Add(next);
            foreach (var child in Children[next].Where(c => !c.Retired))
            {
                pending.Push(child.Id);
            }
            foreach (var merged in predecessors[next])
            {
                pending.Push(merged);
            }
        }
        return result;
    }
}

/// <summary>
/// The taxonomy as every request reads it, cached per process. The node that changes the tree drops its copy when the
/// change is committed (<see cref="Invalidate"/>), so the operator and that node's visitors see it at once. Other nodes
/// check at most once per <see cref="MarketplaceOptions.CategoryRecheck"/> whether the table changed: every edit raises
/// <see cref="Category.Version"/> of the rows it touches and a new row starts at 1, so the sum of the column grows with
/// every committed change, whatever the order of concurrent edits — one cheap aggregate over a few hundred rows, and a
/// full read only when it moved. The sum is read before the rows, so a change committed between the two reads is
/// caught by the next check rather than missed.
/// </summary>
public sealed class CategoryShape(TimeProvider time, IOptions<MarketplaceOptions> options)
{
    private sealed record Entry(CategorySnapshot Snapshot, long Stamp, DateTimeOffset CheckedAt);

    private Entry? entry;
    private long generation;

    /// <summary>Drops the copy; the next read loads the table again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref entry, null);
    }

    public async Task<CategorySnapshot> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref entry);
        if (current is not null && now - current.CheckedAt < options.Value.CategoryRecheck)
        {
            return current.Snapshot;
        }
        var started = Interlocked.Read(ref generation);
        var stamp = await db.Set<Category>().SumAsync(c => (long)c.Version, cancellationToken);
        if (current is not null && current.Stamp == stamp)
        {
            Keep(current with { CheckedAt = now }, started);
            return current.Snapshot;
        }
        var rows = await db.Set<Category>().AsNoTracking()
            .Select(c => new CategoryRow(c.Id, c.ParentId, c.Code, c.NameEn, c.NameRu, c.SortOrder, c.Synonyms, c.Retired, c.MergedIntoId))
            .ToListAsync(cancellationToken);
        var snapshot = new CategorySnapshot(rows);
        // An empty table is about to be seeded: nothing worth keeping.
        if (rows.Count > 0)
        {
            Keep(new Entry(snapshot, stamp, now), started);
        }
        return snapshot;
    }

    /// <summary>Keeps a copy unless the tree was invalidated while it was being read: that copy may predate the change.</summary>
    private void Keep(Entry fresh, long started)
    {
        if (Interlocked.Read(ref generation) == started)
        {
            Volatile.Write(ref entry, fresh);
        }
    }
}

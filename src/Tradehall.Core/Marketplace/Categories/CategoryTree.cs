namespace Tradehall.Core.Marketplace.Categories;

/// <summary>What <c>GET /api/v1/categories</c> answers: a node with its children, named in the reader's language.</summary>
[ModuleApi]
public sealed record CategoryNode(int Id, string Code, string Name, IReadOnlyList<CategoryNode> Children);

/// <summary>MKT-01: reading the taxonomy through the process's cached copy, and seeding the industrial one on a fresh database.</summary>
public sealed class CategoryTree(AppDbContext db, CategoryShape shape)
{
    /// <summary>The live tree: retired categories (and what is left below them) are not offered.</summary>
    public async Task<IReadOnlyList<CategoryNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var snapshot = await shape.ReadAsync(db, cancellationToken);
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";
        IReadOnlyList<CategoryNode> Level(int? parent) => snapshot.Children[parent].Where(c => !c.Retired)
            .Select(c => new CategoryNode(c.Id, c.Code, c.Name(russian), Level(c.Id)))
            .ToList();
        return Level(null);
    }

    /// <summary>Every category, retired ones too, as the cached copy holds them (for the console and the search engine).</summary>
    public async Task<CategorySnapshot> SnapshotAsync(CancellationToken cancellationToken) => await shape.ReadAsync(db, cancellationToken);

    /// <summary>
    /// The category and every category below it, for filters that take a subtree (MKT-02); a category merged away
    /// answers its successor's subtree (<see cref="CategorySnapshot.Subtree"/>).
    /// </summary>
    public async Task<IReadOnlyList<int>> SubtreeAsync(int id, CancellationToken cancellationToken) =>
        (await shape.ReadAsync(db, cancellationToken)).Subtree(id);

    /// <summary>The live category a link to <paramref name="id"/> leads to (itself unless merged away); null when there is none.</summary>
    public async Task<int?> ResolveAsync(int id, CancellationToken cancellationToken) =>
        (await shape.ReadAsync(db, cancellationToken)).Resolve(id);

    /// <summary>Adds the seeded taxonomy to a database that has no categories yet.</summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Category>().AnyAsync(cancellationToken))
        {
            return;
        }
        db.Set<Category>().AddRange(IndustrialTaxonomy.Categories());
        await db.SaveChangesAsync(cancellationToken);
        shape.Invalidate();
    }
}

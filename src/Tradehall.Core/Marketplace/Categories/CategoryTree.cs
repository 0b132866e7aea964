using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;

namespace Tradehall.Core.Marketplace.Categories;

/// <summary>What <c>GET /api/v1/categories</c> answers: a node with its children, named in the reader's language.</summary>
public sealed record CategoryNode(int Id, string Code, string Name, IReadOnlyList<CategoryNode> Children);

/// <summary>
/// The taxonomy's shape, read once per process: categories are only ever added by seeding an empty database, so a shape
/// read from a seeded one never goes stale, and every search with a category filter is spared the read.
/// </summary>
public sealed class CategoryShape
{
    public ILookup<int?, int>? Children { get; set; }
}

/// <summary>MKT-01: reading the taxonomy, and seeding the industrial one on a fresh database.</summary>
public sealed class CategoryTree(AppDbContext db, CategoryShape shape)
{
    public async Task<IReadOnlyList<CategoryNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<Category>().AsNoTracking().ToListAsync(cancellationToken);
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";
        var children = all.ToLookup(c => c.ParentId);
        IReadOnlyList<CategoryNode> Level(int? parent) => children[parent]
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryNode(c.Id, c.Code, c.Name(russian), Level(c.Id)))
            .ToList();
        return Level(null);
    }

    /// <summary>The category and every category below it, for filters that take a subtree (MKT-02).</summary>
    public async Task<IReadOnlyList<int>> SubtreeAsync(int id, CancellationToken cancellationToken)
    {
        var children = shape.Children;
        if (children is null)
        {
            var all = await db.Set<Category>().AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken);
            children = all.ToLookup(c => c.ParentId, c => c.Id);
            if (all.Count > 0)
            {
                shape.Children = children;
            }
        }
        if (!children.SelectMany(g => g).Contains(id))
        {
            return [];
        }
        var result = new List<int>();
        var pending = new Stack<int>([id]);
        while (pending.TryPop(out var next))
        {
            result.Add(next);
            foreach (var child in children[next])
            {
                pending.Push(child);
            }
        }
        return result;
    }

    /// <summary>Adds the seeded taxonomy to a database that has no categories yet.</summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Category>().AnyAsync(cancellationToken))
        {
            return;
        }
        db.Set<Category>().AddRange(IndustrialTaxonomy.Categories());
        await db.SaveChangesAsync(cancellationToken);
    }
}

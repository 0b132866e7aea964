using System.Text.RegularExpressions;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Core.Marketplace.Categories;

/// <summary>A new category's code, names and synonyms; renaming reads only the names and synonyms (a code stays, links name it).</summary>
public sealed record CategoryRequest(string? Code, string? NameEn, string? NameRu, string? Synonyms);

/// <summary>A category as the console lists it: its depth in the tree, its active listings and those of its subtree.</summary>
public sealed record CategoryAdminView(CategoryRow Category, int Depth, long Listings, long ListingsInSubtree);

/// <summary>
/// MKT-01: the operator's changes to the category tree. A category is never deleted: merging moves its subcategories
/// under the target and its listings into it, retiring (only a category without live subcategories) moves its listings
/// to a category the operator chooses; either way the old category stays, retired, with <see cref="Category.MergedIntoId"/>
/// naming where its links now lead. Edits are serialized cluster-wide, each runs in one transaction with its listing
/// moves and its archive record (ARC-01), and the process's cached tree is dropped once it commits.
/// </summary>
public sealed partial class TaxonomyEditor(AppDbContext db, CategoryShape shape, EvidenceArchive archive)
{
    public const int CodeLength = 60;
    public const int NameLength = 100;

    /// <summary>
    /// The whole tree in reading order, retired categories too, with the active listings of each category and of its
    /// subtree as a category search counts them. Read from the database, not the cache: the operator sees the tree as it is.
    /// </summary>
    public async Task<IReadOnlyList<CategoryAdminView>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Category>().AsNoTracking()
            .Select(c => new CategoryRow(c.Id, c.ParentId, c.Code, c.NameEn, c.NameRu, c.SortOrder, c.Synonyms, c.Retired, c.MergedIntoId))
            .ToListAsync(cancellationToken);
        var counts = await db.Set<Listing>().Where(l => l.Status == ListingStatus.Active).GroupBy(l => l.CategoryId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var snapshot = new CategorySnapshot(rows);
        var result = new List<CategoryAdminView>();
        void Walk(int? parent, int depth)
        {
            foreach (var c in snapshot.Children[parent])
            {
                var below = c.Retired ? counts.GetValueOrDefault(c.Id) : snapshot.Subtree(c.Id).Sum(counts.GetValueOrDefault);
                result.Add(new CategoryAdminView(c, depth, counts.GetValueOrDefault(c.Id), below));
                Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>Adds a category under <paramref name="parentId"/> (null: a new top-level category) and answers its id.</summary>
    public async Task<int> AddAsync(Guid operatorId, int? parentId, CategoryRequest request, CancellationToken cancellationToken)
    {
        return await EditAsync(all =>
        {
            var errors = new FieldErrors();
            var code = request.Code?.Trim() ?? "";
            if (code.Length == 0)
            {
                errors.Add("code", "Enter a code.");
            }
            else if (code.Length > CodeLength || !Slug().IsMatch(code))
            {
                errors.Add("code", "Use up to 60 lowercase Latin letters, digits and single hyphens, for example steel-rails.");
            }
            else if (all.Values.Any(c => c.Code == code))
            {
                errors.Add("code", "Another category already has this code.");
            }
            var (nameEn, nameRu, synonyms) = CheckNames(request, errors);
            if (parentId is { } parent)
            {
                CheckLive(all, parent, "parentId", errors);
            }
            errors.ThrowIfAny("marketplace.category_invalid", "The category is not valid.");

            var category = new Category
            {
                Id = Math.Max(all.Keys.DefaultIfEmpty(0).Max() + 1, IndustrialTaxonomy.FirstOperatorId),
                ParentId = parentId, Code = code, NameEn = nameEn, NameRu = nameRu, Synonyms = synonyms, SortOrder = NextOrder(all, parentId),
            };
            db.Set<Category>().Add(category);
            archive.Record("marketplace.category_added", $"category:{category.Id}", operatorId,
                after: new { category.Code, category.NameEn, category.NameRu, category.ParentId, category.Synonyms });
            return category.Id;
        }, cancellationToken);
    }

    /// <summary>Changes the names and synonyms of a category.</summary>
    public async Task RenameAsync(Guid operatorId, int id, CategoryRequest request, CancellationToken cancellationToken)
    {
        await EditAsync(all =>
        {
            var category = Existing(all, id);
            var errors = new FieldErrors();
            var (nameEn, nameRu, synonyms) = CheckNames(request, errors);
            errors.ThrowIfAny("marketplace.category_invalid", "The category is not valid.");
            var before = new { category.NameEn, category.NameRu, category.Synonyms };
            (category.NameEn, category.NameRu, category.Synonyms) = (nameEn, nameRu, synonyms);
            category.Version++;
            archive.Record("marketplace.category_renamed", $"category:{id}", operatorId, before: before,
                after: new { category.NameEn, category.NameRu, category.Synonyms });
            return 0;
        }, cancellationToken);
    }

    /// <summary>Moves a category with everything below it under <paramref name="parentId"/> (null: to the top level).</summary>
    public async Task MoveAsync(Guid operatorId, int id, int? parentId, CancellationToken cancellationToken)
    {
        await EditAsync(all =>
        {
            var category = Live(all, id);
            var errors = new FieldErrors();
            if (parentId is { } parent && CheckLive(all, parent, "parentId", errors) && IsWithin(all, parent, id))
            {
                errors.Add("parentId", "A category cannot move under itself or one of its own subcategories.");
            }
            errors.ThrowIfAny("marketplace.category_cycle", "The category cannot move there.");
            if (category.ParentId == parentId)
            {
                return 0;
            }
            var before = category.ParentId;
            category.ParentId = parentId;
            category.SortOrder = NextOrder(all, parentId);
            category.Version++;
            archive.Record("marketplace.category_moved", $"category:{id}", operatorId, before: new { ParentId = before }, after: new { category.ParentId });
            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Merges a category into <paramref name="targetId"/>: its subcategories move under the target, its listings into
    /// the target, its names and synonyms join the target's synonyms as far as they fit, and it is retired with the
    /// target as its successor. Answers the number of listings moved.
    /// </summary>
    public async Task<int> MergeAsync(Guid operatorId, int id, int? targetId, CancellationToken cancellationToken)
    {
        return await EditAsync(async all =>
        {
            var category = Live(all, id);
            var errors = new FieldErrors();
            if (targetId is not { } target)
            {
                errors.Add("targetId", "Choose the category to merge into.");
            }
            else if (CheckLive(all, target, "targetId", errors) && IsWithin(all, target, id))
            {
                errors.Add("targetId", "A category cannot be merged into itself or one of its own subcategories.");
            }
            errors.ThrowIfAny("marketplace.category_merge_invalid", "The category cannot be merged there.");

            var into = all[targetId!.Value];
            var children = all.Values.Where(c => c.ParentId == id).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
            var order = NextOrder(all, into.Id);
            foreach (var child in children)
            {
                child.ParentId = into.Id;
                child.SortOrder = order++;
                child.Version++;
            }
            var joined = SynonymWords.Join(SynonymWords.Split(SynonymWords.Join(
                SynonymWords.Split(into.Synonyms).Concat(new[] { category.NameEn, category.NameRu }.Where(SynonymWords.IsWord))
                    .Concat(SynonymWords.Split(category.Synonyms)))));
            if (joined.Length <= SynonymWords.MaxLength && joined != into.Synonyms)
            {
                into.Synonyms = joined;
                into.Version++;
            }
            Retire(category, into.Id);
            var moved = await MoveListingsAsync(id, into.Id, cancellationToken);
            archive.Record("marketplace.category_merged", $"category:{id}", operatorId,
                after: new { into = into.Id, children = children.Select(c => c.Id).ToArray(), listings = moved });
            return moved;
        }, cancellationToken);
    }

    /// <summary>
    /// Retires a category without live subcategories; its listings move to <paramref name="destinationId"/>, which its
    /// links lead to from now on. Answers the number of listings moved.
    /// </summary>
    public async Task<int> RetireAsync(Guid operatorId, int id, int? destinationId, CancellationToken cancellationToken)
    {
        return await EditAsync(async all =>
        {
            var category = Live(all, id);
            var errors = new FieldErrors();
            if (all.Values.Any(c => c.ParentId == id && !c.Retired))
            {
                errors.Add("destinationId", "Move, merge or retire its subcategories first.");
            }
            else if (destinationId is not { } destination)
            {
                errors.Add("destinationId", "Choose where its listings move.");
            }
            else if (CheckLive(all, destination, "destinationId", errors) && destination == id)
            {
                errors.Add("destinationId", "Choose another category for its listings.");
            }
            errors.ThrowIfAny("marketplace.category_retire_invalid", "The category cannot be retired.");

            Retire(category, destinationId!.Value);
            var moved = await MoveListingsAsync(id, destinationId.Value, cancellationToken);
            archive.Record("marketplace.category_retired", $"category:{id}", operatorId, after: new { listingsTo = destinationId, listings = moved });
            return moved;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one edit over the whole tree, tracked: under the taxonomy lock, in a transaction with the listing moves and
    /// the archive record; the cached tree is dropped once it commits.
    /// </summary>
    private async Task<T> EditAsync<T>(Func<Dictionary<int, Category>, Task<T>> edit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.Taxonomy, cancellationToken);
        var all = await db.Set<Category>().ToDictionaryAsync(c => c.Id, cancellationToken);
        var result = await edit(all);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        shape.Invalidate();
        return result;
    }

    private Task<T> EditAsync<T>(Func<Dictionary<int, Category>, T> edit, CancellationToken cancellationToken) =>
        EditAsync(all => Task.FromResult(edit(all)), cancellationToken);

    /// <summary>Every listing of the category, whatever its status, and its search entry, in two set-based updates.</summary>
    private async Task<int> MoveListingsAsync(int from, int to, CancellationToken cancellationToken)
    {
        var moved = await db.Set<Listing>().Where(l => l.CategoryId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CategoryId, to), cancellationToken);
        await db.Set<ListingSearchEntry>().Where(e => e.CategoryId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CategoryId, to), cancellationToken);
        return moved;
    }

    private static void Retire(Category category, int successor)
    {
        category.Retired = true;
        category.MergedIntoId = successor;
        category.Version++;
    }

    private static (string NameEn, string NameRu, string Synonyms) CheckNames(CategoryRequest request, FieldErrors errors)
    {
        string Name(string? value, string field)
        {
            var name = value?.Trim() ?? "";
            if (name.Length == 0)
            {
                errors.Add(field, "Enter a name.");
            }
            else if (name.Length > NameLength)
            {
                errors.Add(field, "Use at most 100 characters.");
            }
            else if (!PlainText.IsAcceptable(name))
            {
                errors.Add(field, PlainText.Message);
            }
            return name;
        }
        return (Name(request.NameEn, "nameEn"), Name(request.NameRu, "nameRu"), SynonymWords.CheckCategory(request.Synonyms, "synonyms", errors));
    }

    /// <summary>Whether <paramref name="id"/> names a category in use; otherwise says so under <paramref name="field"/>.</summary>
    private static bool CheckLive(Dictionary<int, Category> all, int id, string field, FieldErrors errors)
    {
        if (!all.TryGetValue(id, out var category))
        {
            errors.Add(field, "There is no such category.");
            return false;
        }
        if (category.Retired)
        {
            errors.Add(field, "This category is retired. Choose one in use.");
            return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="ancestor"/> or below it (a walk up, bounded in case the data loops).</summary>
    private static bool IsWithin(Dictionary<int, Category> all, int candidate, int ancestor)
    {
        int? at = candidate;
        for (var steps = 0; at is { } id && steps <= all.Count; steps++)
        {
            if (id == ancestor)
            {
                return true;
            }
            at = all.GetValueOrDefault(id)?.ParentId;
        }
        return false;
    }

    private static int NextOrder(Dictionary<int, Category> all, int? parentId) =>
        all.Values.Where(c => c.ParentId == parentId).Select(c => c.SortOrder + 1).DefaultIfEmpty(0).Max();

    private static Category Existing(Dictionary<int, Category> all, int id) =>
        all.GetValueOrDefault(id) ?? throw DomainException.NotFound("marketplace.category_not_found", "There is no such category.");

    private static Category Live(Dictionary<int, Category> all, int id)
    {
        var category = Existing(all, id);
        return category.Retired
            ? throw new DomainException("marketplace.category_retired", "This category is retired and can no longer be changed.", StatusCodes.Status409Conflict)
            : category;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}

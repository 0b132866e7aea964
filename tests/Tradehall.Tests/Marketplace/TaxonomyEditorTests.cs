using Microsoft.Extensions.Options;
using Tradehall.Core.Archive;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Marketplace.Synonyms;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Marketplace;

/// <summary>
/// MKT-01: the operator's changes to the tree — moves that would make a cycle are refused, merging and retiring move the
/// listings, and links to a category merged away lead to its successor. Each test works on categories it adds itself,
/// so the seeded tree the other tests read stays as it is.
/// </summary>
public sealed class TaxonomyEditorTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static readonly Guid Operator = Guid.NewGuid();

    private async Task<T> EditorAsync<T>(Func<TaxonomyEditor, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TaxonomyEditor>());
    }

    private async Task EditorAsync(Func<TaxonomyEditor, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TaxonomyEditor>());
    }

    private Task<int> AddAsync(int? parent, string name) => EditorAsync(e => e.AddAsync(Operator, parent, new CategoryRequest(
        name.ToLowerInvariant().Replace(' ', '-') + "-" + Guid.NewGuid().ToString("N")[..6], name, name + " (рус.)", name.ToLowerInvariant()), CancellationToken.None));

    private static async Task<DomainException> RefusedAsync(Func<Task> action) => await Assert.ThrowsAsync<DomainException>(action);

    private async Task<Guid> PostAsync(int category, string title)
    {
        var member = await Members.RegisterAsync(app);
        var response = await ListingSteps.PostAsync(app, member, ListingSteps.Body(category, title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<HashSet<Guid>> SearchAsync(int category)
    {
        using var client = app.Api();
        var response = await client.GetAsync($"/api/v1/listings/search?category={category}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private async Task<HashSet<int>> ApiTreeAsync()
    {
        using var client = app.Api();
        var tree = await (await client.GetAsync("/api/v1/categories")).JsonAsync();
        var ids = new HashSet<int>();
        var pending = new Stack<System.Text.Json.JsonElement>(tree.EnumerateArray());
        while (pending.TryPop(out var node))
        {
            ids.Add(node.GetProperty("id").GetInt32());
            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                pending.Push(child);
            }
        }
        return ids;
    }

    [Fact]
    public async Task MKT01_a_move_under_the_category_itself_or_its_own_subcategory_is_refused_as_a_cycle()
    {
        var top = await AddAsync(100, "Rails");
        var middle = await AddAsync(top, "Crane rails");
        var leaf = await AddAsync(middle, "Rail fastenings");

        foreach (var under in new[] { top, middle, leaf })
        {
            var refused = await RefusedAsync(() => EditorAsync(e => e.MoveAsync(Operator, top, under, CancellationToken.None)));
            Assert.Equal("marketplace.category_cycle", refused.Code);
            Assert.Equal(["A category cannot move under itself or one of its own subcategories."], refused.Errors["parentId"]);
        }
        Assert.Equal(100, await app.WithDb(db => db.Set<Category>().Where(c => c.Id == top).Select(c => c.ParentId).SingleAsync()));

        // A move elsewhere carries the subtree along, and the search tree shows it at once.
        await EditorAsync(e => e.MoveAsync(Operator, top, 120, CancellationToken.None));
        await using var scope = app.Services.CreateAsyncScope();
        var subtree = await scope.ServiceProvider.GetRequiredService<CategoryTree>().SubtreeAsync(120, CancellationToken.None);
        Assert.Superset(new HashSet<int> { top, middle, leaf }, subtree.ToHashSet());
        Assert.DoesNotContain(top, await scope.ServiceProvider.GetRequiredService<CategoryTree>().SubtreeAsync(100, CancellationToken.None));
        Assert.True(await app.WithDb(db => db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "marketplace.category_moved" && r.Subject == $"category:{top}")));
    }

    [Fact]
    public async Task MKT01_merging_moves_the_listings_and_a_search_by_the_merged_id_gives_the_successors_listings()
    {
        var merged = await AddAsync(100, "Reinforcement");
        var child = await AddAsync(merged, "Mesh");
        var target = await AddAsync(100, "Rebar bars");
        var first = await PostAsync(merged, "Rebar A500C 12 mm, 11.7 m");
        var second = await PostAsync(merged, "Rebar A500C 16 mm in coils");
        var already = await PostAsync(target, "Rebar A240 10 mm");

        var refused = await RefusedAsync(() => EditorAsync(e => e.MergeAsync(Operator, merged, child, CancellationToken.None)));
        Assert.True(refused.Errors.ContainsKey("targetId"));
        Assert.True((await RefusedAsync(() => EditorAsync(e => e.MergeAsync(Operator, merged, null, CancellationToken.None)))).Errors.ContainsKey("targetId"));

        Assert.Equal(2, await EditorAsync(e => e.MergeAsync(Operator, merged, target, CancellationToken.None)));

        await app.WithDb(async db =>
        {
            var old = await db.Set<Category>().AsNoTracking().SingleAsync(c => c.Id == merged);
            Assert.True(old.Retired);
            Assert.Equal(target, old.MergedIntoId);
            Assert.Equal(target, await db.Set<Category>().Where(c => c.Id == child).Select(c => c.ParentId).SingleAsync());
            Assert.Contains("Reinforcement", await db.Set<Category>().Where(c => c.Id == target).Select(c => c.Synonyms).SingleAsync(), StringComparison.Ordinal);
            Assert.All(await db.Set<Listing>().Where(l => l.Id == first || l.Id == second).ToListAsync(), l => Assert.Equal(target, l.CategoryId));
            Assert.All(await db.Set<ListingSearchEntry>().Where(e => e.ListingId == first || e.ListingId == second).ToListAsync(), e => Assert.Equal(target, e.CategoryId));
            Assert.True(await db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "marketplace.category_merged" && r.Subject == $"category:{merged}"));
        });

        // The old id answers with the successor's listings; the tree no longer offers it; a second merge is refused.
        Assert.Equal(new HashSet<Guid> { first, second, already }, await SearchAsync(merged));
        Assert.Equal(await SearchAsync(target), await SearchAsync(merged));
        var tree = await ApiTreeAsync();
        Assert.DoesNotContain(merged, tree);
        Assert.Contains(child, tree);
        Assert.Equal("marketplace.category_retired", (await RefusedAsync(() => EditorAsync(e => e.MergeAsync(Operator, merged, 100, CancellationToken.None)))).Code);

        // The search page sends a link to the old category on to the successor, keeping the other filters.
        using var browser = new Browser(app);
        var (response, _) = await browser.GetAsync($"/listings?q=rebar&category={merged}&sort=price");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/listings?q=rebar&category={target}&sort=price", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/listings?category={target}")).Response.StatusCode);
    }

    [Fact]
    public async Task MKT01_retiring_moves_the_listings_and_hides_the_category_from_the_tree_and_the_listing_form()
    {
        var retired = await AddAsync(120, "Slate");
        var below = await AddAsync(retired, "Slate tiles");
        var destination = await AddAsync(120, "Roofing sheets");
        var listing = await PostAsync(retired, "Asbestos-free slate sheets");

        var refused = await RefusedAsync(() => EditorAsync(e => e.RetireAsync(Operator, retired, destination, CancellationToken.None)));
        Assert.Equal(["Move, merge or retire its subcategories first."], refused.Errors["destinationId"]);
        Assert.True((await RefusedAsync(() => EditorAsync(e => e.RetireAsync(Operator, below, null, CancellationToken.None)))).Errors.ContainsKey("destinationId"));
        Assert.True((await RefusedAsync(() => EditorAsync(e => e.RetireAsync(Operator, below, below, CancellationToken.None)))).Errors.ContainsKey("destinationId"));

        Assert.Equal(0, await EditorAsync(e => e.RetireAsync(Operator, below, retired, CancellationToken.None)));
        Assert.Equal(1, await EditorAsync(e => e.RetireAsync(Operator, retired, destination, CancellationToken.None)));

        Assert.Equal(destination, await app.WithDb(db => db.Set<Listing>().Where(l => l.Id == listing).Select(l => l.CategoryId).SingleAsync()));
        Assert.Equal(new HashSet<Guid> { listing }, await SearchAsync(destination));
        var tree = await ApiTreeAsync();
        Assert.DoesNotContain(retired, tree);
        Assert.DoesNotContain(below, tree);
        Assert.Contains(destination, tree);
        // A chain of retirements leads to the live end: below → retired → destination.
        Assert.Equal(await SearchAsync(destination), await SearchAsync(below));

        var member = await Members.RegisterAsync(app);
        var posted = await ListingSteps.PostAsync(app, member, ListingSteps.Body(retired, "Slate sheets, grey"));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("This category is no longer used. Choose another one.",
            (await posted.JsonAsync()).GetProperty("errors").GetProperty("categoryId")[0].GetString());
    }

    [Fact]
    public async Task MKT01_adding_a_category_checks_its_code_names_and_synonyms_field_by_field()
    {
        var refused = await RefusedAsync(() => EditorAsync(e => e.AddAsync(Operator, 9999, new CategoryRequest("Steel Rails", "", "Рельсы", "rails; рельсы"), CancellationToken.None)));
        Assert.Equal(["code", "nameEn", "parentId", "synonyms"], refused.Errors.Keys.Order());
        var taken = await RefusedAsync(() => EditorAsync(e => e.AddAsync(Operator, null, new CategoryRequest("rebar", "Rebar", "Арматура", ""), CancellationToken.None)));
        Assert.Equal(["Another category already has this code."], taken.Errors["code"]);

        var id = await EditorAsync(e => e.AddAsync(Operator, 100, new CategoryRequest("steel-rails", "Steel rails", "Рельсы", "rails, Rails, рельсы , рельс"), CancellationToken.None));
        Assert.True(id >= IndustrialTaxonomy.FirstOperatorId);
        var added = await app.WithDb(db => db.Set<Category>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("steel-rails", 100, "rails, рельсы, рельс"), (added.Code, added.ParentId!.Value, added.Synonyms));
        Assert.Contains(id, await ApiTreeAsync());

        await EditorAsync(e => e.RenameAsync(Operator, id, new CategoryRequest(null, "Rails", "Рельсы железнодорожные", "rails, рельсы"), CancellationToken.None));
        Assert.Equal("Рельсы железнодорожные", await app.WithDb(db => db.Set<Category>().Where(c => c.Id == id).Select(c => c.NameRu).SingleAsync()));
        Assert.True(await app.WithDb(db => db.Set<ArchiveRecord>().AnyAsync(r => r.Action == "marketplace.category_renamed" && r.Subject == $"category:{id}")));
    }

    [Fact]
    public async Task MKT02_synonym_groups_are_added_changed_and_deleted_with_errors_naming_the_field()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<SynonymEditor>();
        Assert.True((await RefusedAsync(() => editor.AddAsync(Operator, "sosna", CancellationToken.None))).Errors.ContainsKey("words"));
        Assert.True((await RefusedAsync(() => editor.AddAsync(Operator, "sosna, <сосна>", CancellationToken.None))).Errors.ContainsKey("words"));

        var group = await editor.AddAsync(Operator, "hornbeam, Hornbeam, граб", CancellationToken.None);
        Assert.Equal(["hornbeam", "граб"], group.Words);
        Assert.Equal(["hornbeam", "граб", "grab"], (await editor.UpdateAsync(Operator, group.Id, "hornbeam, граб, grab", CancellationToken.None)).Words);
        Assert.True((await RefusedAsync(() => editor.UpdateAsync(Operator, group.Id, "", CancellationToken.None))).Errors.ContainsKey("words"));
        await editor.DeleteAsync(Operator, group.Id, CancellationToken.None);
        Assert.Equal(404, (await RefusedAsync(() => editor.GetAsync(group.Id, CancellationToken.None))).Status);
        Assert.Equal(3, await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync(r => r.Subject == $"synonym-group:{group.Id}")));
    }

    [Fact]
    public async Task MKT01_another_node_sees_a_change_of_the_tree_after_its_recheck_interval()
    {
        // Two nodes: each has its own cached copy over the one database.
        var options = app.Services.GetRequiredService<IOptions<MarketplaceOptions>>();
        var otherNode = new CategoryShape(app.Clock, options);
        async Task<IReadOnlyList<int>> OtherSubtreeAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await new CategoryTree(scope.ServiceProvider.GetRequiredService<AppDbContext>(), otherNode).SubtreeAsync(180, CancellationToken.None);
        }

        var before = await OtherSubtreeAsync();
        var added = await AddAsync(180, "Peat");
        Assert.DoesNotContain(added, await OtherSubtreeAsync());
        app.Clock.Advance(options.Value.CategoryRecheck);
        Assert.Contains(added, await OtherSubtreeAsync());
        Assert.Equal(before.Count + 1, (await OtherSubtreeAsync()).Count);
    }
}

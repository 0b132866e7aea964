using Tradehall.Core.Marketplace.Categories;

namespace Tradehall.Tests.Marketplace;

public sealed class CategoriesApiTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static IEnumerable<(JsonElement Node, int Depth)> Walk(JsonElement nodes, int depth = 1) =>
        nodes.EnumerateArray().SelectMany(n => Walk(n.GetProperty("children"), depth + 1).Prepend((n, depth)));

    [Fact]
    public async Task MKT01_a_fresh_site_serves_an_industrial_taxonomy_of_three_levels_to_anyone()
    {
        using var anonymous = app.Api();
        var response = await anonymous.GetAsync("/api/v1/categories");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tree = await response.JsonAsync();
        var all = Walk(tree).ToList();
        Assert.True(all.Count >= 40, $"Only {all.Count} categories.");
        Assert.Equal(3, all.Max(n => n.Depth));
        Assert.Equal(all.Count, all.Select(n => n.Node.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.Equal(all.Count, all.Select(n => n.Node.GetProperty("code").GetString()).Distinct().Count());
        Assert.Equal(["id", "code", "name", "children"], tree[0].EnumerateObject().Select(p => p.Name).ToArray());

        // Timber in depth, then the neighbouring trades.
        var roots = tree.EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Equal("Roundwood", roots[0]);
        Assert.Contains("Pulp and paper", roots);
        Assert.Contains("Bioenergy", roots);
        Assert.Contains("Machinery and equipment", roots);
        var sawn = tree.EnumerateArray().Single(n => n.GetProperty("code").GetString() == "sawn-timber");
        Assert.Contains("Boards", Walk(sawn.GetProperty("children")).Select(n => n.Node.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task MKT01_RUN07_category_names_follow_the_language_asked_for()
    {
        using var anonymous = app.Api();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU");
        var tree = await (await anonymous.GetAsync("/api/v1/categories")).JsonAsync();
        Assert.Equal("Круглый лес", tree[0].GetProperty("name").GetString());
        Assert.Equal("roundwood", tree[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task MKT02_a_category_subtree_holds_the_category_and_everything_below_it()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tree = scope.ServiceProvider.GetRequiredService<CategoryTree>();
        var sawn = await tree.SubtreeAsync(10, CancellationToken.None);
        Assert.Equal(Enumerable.Range(10, 13).ToHashSet(), sawn.ToHashSet());
        Assert.Equal([59], await tree.SubtreeAsync(59, CancellationToken.None));
        Assert.Empty(await tree.SubtreeAsync(9999, CancellationToken.None));
    }
}

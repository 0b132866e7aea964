using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tradehall.Core.Accounts;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Tests.Web;

/// <summary>MKT-01, MKT-02: the console pages of the category tree and of the synonym list, driven through their forms.</summary>
public sealed class CategoryPagesTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task MKT01_the_console_pages_answer_the_operator_and_turn_a_member_away()
    {
        var pages = new[] { "/operator/categories", "/operator/categories/new?parent=100", "/operator/categories/edit?id=102", "/operator/search-synonyms" };
        using (var console = await Operators.ConsoleBrowserAsync(app))
        {
            var (start, home) = await console.GetAsync("/operator");
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            Assert.NotNull(home.QuerySelector("a[href='/operator/categories']"));
            Assert.NotNull(home.QuerySelector("a[href='/operator/search-synonyms']"));
            foreach (var page in pages)
            {
                Assert.Equal(HttpStatusCode.OK, (await console.GetAsync(page)).Response.StatusCode);
            }
            var (_, tree) = await console.GetAsync("/operator/categories");
            Assert.Contains("Rebar", tree.QuerySelector("#category-102")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await console.GetAsync("/operator/categories/edit?id=99999")).Response.StatusCode);
            var group = await app.WithDb(db => db.Set<SearchSynonymGroup>().Select(g => g.Id).FirstAsync());
            Assert.Equal(HttpStatusCode.OK, (await console.GetAsync($"/operator/search-synonyms/edit?id={group}")).Response.StatusCode);
        }

        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        foreach (var page in pages)
        {
            var response = (await browser.GetAsync(page)).Response;
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.OriginalString.Contains("/account/", StringComparison.Ordinal)), $"{page}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task MKT01_the_operator_adds_a_subcategory_renames_it_and_is_refused_a_move_into_its_own_subtree()
    {
        using var console = await Operators.ConsoleBrowserAsync(app);
        var refused = await console.SubmitAsync("/operator/categories/new?parent=100", "Add category",
            new() { ["Code"] = "Steel Rails", ["NameEn"] = "", ["NameRu"] = "Рельсы", ["Synonyms"] = "rails; рельсы" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.NotNull(page.QuerySelector("#Code-error"));
        Assert.NotNull(page.QuerySelector("#NameEn-error"));
        Assert.NotNull(page.QuerySelector("#Synonyms-error"));
        Assert.Null(page.QuerySelector("#NameRu-error"));
        Assert.Equal("100", page.QuerySelector("#ParentId option[selected]")!.GetAttribute("value"));

        var added = await console.SubmitAsync("/operator/categories/new?parent=100", "Add category",
            new() { ["Code"] = "steel-rails", ["NameEn"] = "Steel rails", ["NameRu"] = "Рельсы", ["Synonyms"] = "rails, рельсы" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithDb(db => db.Set<Category>().Where(c => c.Code == "steel-rails").Select(c => c.Id).SingleAsync());
        Assert.Equal($"/operator/categories#category-{id}", added.Headers.Location!.OriginalString);

        var url = $"/operator/categories/edit?id={id}";
        Assert.Equal(HttpStatusCode.Redirect, (await console.SubmitAsync(url, "Save names",
            new() { ["NameEn"] = "Rails", ["NameRu"] = "Рельсы железнодорожные", ["Synonyms"] = "rails, рельсы, рельс" })).StatusCode);
        var renamed = await app.WithDb(db => db.Set<Category>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Rails", "rails, рельсы, рельс"), (renamed.NameEn, renamed.Synonyms));

        // Metals (100) under its own new subcategory: refused beside the field, the other forms as stored.
        var cycle = await console.SubmitAsync("/operator/categories/edit?id=100", "Move category", new() { ["ParentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
        page = await ParseAsync(cycle);
        Assert.Contains("cannot move under itself or one of its own subcategories", page.QuerySelector("#ParentId-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Metals and metal products", page.QuerySelector("#NameEn")!.GetAttribute("value"));
        Assert.Null(await app.WithDb(db => db.Set<Category>().Where(c => c.Id == 100).Select(c => c.ParentId).SingleAsync()));

        var noTarget = await ParseAsync(await console.SubmitAsync(url, "Merge category"));
        Assert.NotNull(noTarget.QuerySelector("#TargetId-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await console.SubmitAsync(url, "Retire category", new() { ["DestinationId"] = "104" })).StatusCode);
        var (_, tree) = await console.GetAsync("/operator/categories");
        Assert.Contains("Retired", tree.QuerySelector($"#category-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Steel pipes", tree.QuerySelector($"#category-{id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MKT02_the_operator_keeps_the_synonym_list_with_errors_beside_the_field()
    {
        using var console = await Operators.ConsoleBrowserAsync(app);
        var (_, list) = await console.GetAsync("/operator/search-synonyms");
        Assert.Contains("more than one group", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var refused = await ParseAsync(await console.SubmitAsync("/operator/search-synonyms", "Add group", new() { ["Words"] = "teak" }));
        Assert.NotNull(refused.QuerySelector("#Words-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await console.SubmitAsync("/operator/search-synonyms", "Add group", new() { ["Words"] = "teak, Teak, тик" })).StatusCode);
        var group = await app.WithDb(db => db.Set<SearchSynonymGroup>().SingleAsync(g => g.Words == "teak, тик"));

        var url = $"/operator/search-synonyms/edit?id={group.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await console.SubmitAsync(url, "Save group", new() { ["Words"] = "teak, тик, tik" })).StatusCode);
        Assert.Equal("teak, тик, tik", await app.WithDb(db => db.Set<SearchSynonymGroup>().Where(g => g.Id == group.Id).Select(g => g.Words).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await console.SubmitAsync(url, "Delete group")).StatusCode);
        Assert.False(await app.WithDb(db => db.Set<SearchSynonymGroup>().AnyAsync(g => g.Id == group.Id)));
    }
}

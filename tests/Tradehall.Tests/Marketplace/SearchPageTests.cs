using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network.Images;
using Tradehall.Core.Shared;
using Tradehall.Tests.Network;
using static Tradehall.Tests.Marketplace.ListingSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-02, NET-08: the search page as a buyer scans it — each result complete, the facets in the filter column, a spelling hint.</summary>
public sealed partial class SearchPageTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    private static string Text(IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>A plain JPEG of the given size, drawn by libvips.</summary>
    private static byte[] Jpeg(int width, int height)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mkt02-{Guid.NewGuid():N}.jpg");
        using var vips = Process.Start(new ProcessStartInfo("vips", ["gaussnoise", path, width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            height.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        vips.WaitForExit();
        Assert.Equal(0, vips.ExitCode);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    /// <summary>The names from the top of the taxonomy down to the category <paramref name="code"/>, with their ids.</summary>
    private async Task<List<(int Id, string Name)>> CategoryPathAsync(string code)
    {
        using var client = app.Api();
        var tree = await (await client.GetAsync("/api/v1/categories")).JsonAsync();
        List<(int, string)>? Find(IEnumerable<System.Text.Json.JsonElement> nodes, List<(int, string)> above)
        {
            foreach (var node in nodes)
            {
                var here = above.Append((node.GetProperty("id").GetInt32(), node.GetProperty("name").GetString()!)).ToList();
                if (node.GetProperty("code").GetString() == code)
                {
                    return here;
                }
                if (Find(node.GetProperty("children").EnumerateArray(), here) is { } found)
                {
                    return found;
                }
            }
            return null;
        }
        return Find(tree.EnumerateArray(), []) ?? throw new InvalidOperationException($"No category {code}.");
    }

    private async Task<Guid> PostAsync(TestMember owner, string title, string type = "offer", string country = "RU")
    {
        var body = Body(await CategoryAsync(app), title);
        body["type"] = type;
        body["country"] = country;
        var response = await ListingSteps.PostAsync(app, owner, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task MKT02_NET08_a_result_shows_its_thumbnail_category_path_poster_with_badges_and_price_per_unit()
    {
        var owner = await NetworkSteps.MemberAsync(app, "Irina", "Volkova", confirmed: true);
        var pictured = await PostAsync(owner.Member, "Quillwood boards 50x150");
        var plain = await PostAsync(owner.Member, "Quillwood beams 100x100");
        using var client = app.Api(owner.Member.Token);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Jpeg(800, 600)), "photo", "boards.jpg" } };
        var photo = await (await client.PostAsync($"/api/v1/listings/{pictured}/photos", upload)).JsonAsync();
        var photoUrl = photo.GetProperty("url").GetString()!;

        using var visitor = new Browser(app);
        var (response, page) = await visitor.GetAsync("/listings?q=quillwood");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Found: 2", Text(page.QuerySelector("#results-title")!));
        var rows = page.QuerySelectorAll(".results > li").ToDictionary(r => Text(r.QuerySelector(".result-title")!));
        var row = rows["Quillwood boards 50x150"];

        var img = row.QuerySelector(".result-thumb img")!;
        Assert.Equal(photoUrl + "?size=thumb", img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("Photo: Quillwood boards 50x150", img.GetAttribute("alt"));
        Assert.Equal(("96", "96"), (img.GetAttribute("width"), img.GetAttribute("height")));
        // A listing without photos keeps its row's shape with a box of the same size.
        var none = rows["Quillwood beams 100x100"].QuerySelector(".result-thumb")!;
        Assert.Null(none.QuerySelector("img"));
        Assert.Equal("true", none.GetAttribute("aria-hidden"));
        Assert.False(string.IsNullOrWhiteSpace(none.TextContent));

        var path = await CategoryPathAsync("boards");
        var parts = row.QuerySelectorAll(".result-path a").ToList();
        Assert.Equal(path.Select(p => p.Name), parts.Select(Text));
        Assert.Equal(path.Select(p => $"/listings?category={p.Id}"), parts.Select(a => a.GetAttribute("href")));
        Assert.Contains(string.Join(" › ", path.Select(p => p.Name)), Text(row.QuerySelector(".result-path")!), StringComparison.Ordinal);

        Assert.Contains("18,500.50 RUB / m³", Text(row.QuerySelector(".result-price")!), StringComparison.Ordinal);
        Assert.Contains("Offer", Text(row.QuerySelector(".result-meta")!), StringComparison.Ordinal);
        Assert.Contains("Russia", Text(row.QuerySelector(".result-meta")!), StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector(".result-meta time[datetime]"));
        var seller = row.QuerySelector(".result-seller")!;
        Assert.Equal("Irina Volkova", Text(seller.QuerySelector($"a[href='/u/{owner.Handle}']")!));
        Assert.Equal(["Phone confirmed"], seller.QuerySelectorAll(".badge").Select(Text));
        Assert.Contains("confirmed a mobile number", Text(page.QuerySelector(".badge-legend")!), StringComparison.Ordinal);

        // The thumbnail: a small square JPEG, made once, served like the photo; other sizes are refused.
        using var anonymous = app.Api();
        var thumb = await anonymous.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal(ImagePipeline.ContentType, thumb.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", thumb.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(thumb.Headers.CacheControl is { Private: true, NoCache: true });
        var small = await thumb.Content.ReadAsByteArrayAsync();
        Assert.Equal((192L, 192L), ImageHeader.Size(small));
        var full = await anonymous.GetByteArrayAsync(photoUrl);
        Assert.Equal((512L, 384L), ImageHeader.Size(full));
        var key = await app.WithDb(db => db.Set<ListingPhoto>().Where(p => p.ListingId == pictured).Select(p => p.ThumbnailKey).SingleAsync());
        Assert.NotNull(key);
        Assert.Equal(small, await anonymous.GetByteArrayAsync(img.GetAttribute("src")));
        Assert.Equal(key, await app.WithDb(db => db.Set<ListingPhoto>().Where(p => p.ListingId == pictured).Select(p => p.ThumbnailKey).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync(photoUrl + "?size=huge")).StatusCode);

        // Removing the photo removes its thumbnail too; a withdrawn listing's thumbnail is nobody else's to see.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/listings/{pictured}/photos/{photo.GetProperty("id").GetGuid()}")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null(scope.ServiceProvider.GetRequiredService<IFileStore>().Open(key));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(img.GetAttribute("src"))).StatusCode);
        using var second = new MultipartFormDataContent { { new ByteArrayContent(Jpeg(300, 300)), "photo", "beams.jpg" } };
        var beams = (await (await client.PostAsync($"/api/v1/listings/{plain}/photos", second)).JsonAsync()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(beams + "?size=thumb")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/listings/{plain}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(beams + "?size=thumb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(beams + "?size=thumb")).StatusCode);
    }

    [Fact]
    public async Task MKT02_facet_counts_sit_in_the_filter_column_and_nowhere_else()
    {
        var owner = await Members.RegisterAsync(app);
        await PostAsync(owner, "Tamarack boards kiln dried");
        await PostAsync(owner, "Tamarack boards fresh sawn");
        await PostAsync(owner, "Buying tamarack boards", type: "request", country: "FI");

        using var visitor = new Browser(app);
        var (_, page) = await visitor.GetAsync("/listings?q=tamarack");
        Assert.Equal("Found: 3", Text(page.QuerySelector("#results-title")!));
        var form = page.QuerySelector("form.search-form")!;
        List<string> Lines(IElement scope, string facet) => scope.QuerySelectorAll($"#{facet} .facet-list li").Select(Text).ToList();
        Assert.Equal(["Offers to sell 2", "Requests to buy 1"], Lines(form, "Type"));
        Assert.Equal(["Russia 2", "Finland 1"], Lines(form, "Country"));
        // One top category holds every match, so the tree opens down to the leaf, each level indented under the last.
        var path = await CategoryPathAsync("boards");
        Assert.Equal(path.Select(p => $"{p.Name} 3"), Lines(form, "Category"));
        Assert.Equal(path.Select((_, depth) => $"facet-depth-{depth}"),
            form.QuerySelectorAll("#Category .facet-list li").Select(li => li.ClassList.First(c => c.StartsWith("facet-depth-", StringComparison.Ordinal))));
        Assert.Equal(["/listings?q=tamarack&type=offer", "/listings?q=tamarack&type=request"],
            form.QuerySelectorAll("#Type a").Select(a => a.GetAttribute("href")));

        // The facets are in the filter column only: no second list under the results.
        Assert.Empty(page.QuerySelectorAll(".facets"));
        Assert.Equal(1, page.QuerySelectorAll("h2").Count(h => Text(h) == "Narrow the search"));
        Assert.Empty(page.QuerySelectorAll(".search-results .facet-list"));

        // A chosen value is marked, with the way back up; the form keeps it for the next words.
        (_, page) = await visitor.GetAsync($"/listings?q=tamarack&country=FI&category={path[^1].Id}");
        form = page.QuerySelector("form.search-form")!;
        Assert.Equal(["All countries", "Finland 1"], Lines(form, "Country").Select(l => l.TrimStart('‹', ' ')));
        Assert.Equal("Finland", Text(form.QuerySelector("#Country [aria-current=true] .facet-name")!));
        Assert.Equal($"/listings?q=tamarack&category={path[^1].Id}", form.QuerySelector("#Country a")!.GetAttribute("href"));
        Assert.Equal(path.SkipLast(1).Select(p => $"/listings?q=tamarack&category={p.Id}&country=FI").Prepend("/listings?q=tamarack&country=FI"),
            form.QuerySelectorAll("#Category a").Select(a => a.GetAttribute("href")));
        Assert.Equal("FI", form.QuerySelector("input[type=hidden][name=country]")!.GetAttribute("value"));
        Assert.Equal(["Buying tamarack boards"], page.QuerySelectorAll(".result-title").Select(Text));
    }

    [Fact]
    public async Task MKT02_the_top_countries_show_and_the_rest_wait_behind_more()
    {
        var owner = await Members.RegisterAsync(app);
        foreach (var country in new[] { "RU", "RU", "RU", "FI", "FI", "DE", "PL", "EE", "LV", "LT" })
        {
            await SearchData.AddAsync(app, owner.Id, new SeedListing("Juniper fence posts", "Debarked.", ListingType.Offer, 12, country, "RUB", 50_000, 1));
        }
        using var visitor = new Browser(app);
        var (_, page) = await visitor.GetAsync("/listings?q=juniper");
        var column = page.QuerySelector("#Country")!;
        Assert.Equal(["Russia 3", "Finland 2", "Estonia 1", "Germany 1", "Latvia 1"],
            column.QuerySelectorAll(":scope > .facet-list li").Select(Text));
        var more = column.QuerySelector("details.facet-more")!;
        Assert.Equal("More countries (2)", Text(more.QuerySelector("summary")!));
        Assert.Equal(["Lithuania 1", "Poland 1"], more.QuerySelectorAll("li").Select(Text));
        Assert.Equal("/listings?q=juniper&country=PL", more.QuerySelectorAll("a")[^1].GetAttribute("href"));
    }

    [Fact]
    public async Task MKT02_a_misspelled_word_gets_did_you_mean_with_the_market_word()
    {
        var owner = await Members.RegisterAsync(app);
        await PostAsync(owner, "Wood pellets ENplus A1, big bags");

        using var visitor = new Browser(app);
        var (_, page) = await visitor.GetAsync("/listings?q=pelets&sort=newest");
        Assert.Equal("Found: 0", Text(page.QuerySelector("#results-title")!));
        var hint = page.QuerySelector(".suggestion")!;
        Assert.Equal("Did you mean: pellets?", Text(hint));
        Assert.Equal("/listings?q=pellets&sort=newest", hint.QuerySelector("a")!.GetAttribute("href"));

        (_, page) = await visitor.GetAsync(hint.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("Wood pellets ENplus A1, big bags", page.QuerySelectorAll(".result-title").Select(Text));
        Assert.Null(page.QuerySelector(".suggestion"));
    }

    [Theory]
    [InlineData("minPrice=abc", "MinPrice")]
    [InlineData("minPrice=900&maxPrice=100", "MinPrice")]
    [InlineData("category=999999", "Category")]
    [InlineData("type=lease", "Type")]
    [InlineData("country=XYZ", "Country")]
    [InlineData("since=yesterday", "Since")]
    [InlineData("sort=cheap", "Sort")]
    public async Task MKT02_a_bad_filter_is_explained_beside_it_and_the_summary_links_there(string query, string field)
    {
        using var visitor = new Browser(app);
        var (response, page) = await visitor.GetAsync("/listings?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = page.QuerySelector($".error-summary a[href='#{field}']")!;
        var target = page.GetElementById(field)!;
        Assert.True(target.LocalName is "input" or "select" or "section", target.LocalName);
        Assert.Equal(Text(link), Text(target.Closest(".field, .facet")!.QuerySelector($"[data-valmsg-for={field}]")!));
        // The filters stay open for the correction; nothing was searched.
        Assert.Equal("false", page.QuerySelector("details.search-filters")!.GetAttribute("data-fold-on-phone"));
        Assert.Null(page.QuerySelector("#results-title"));
    }

    [Theory]
    [InlineData("page=100000")]
    [InlineData("pageSize=0")]
    public async Task MKT07_a_page_out_of_reach_is_said_in_the_summary_without_a_link_to_nowhere(string query)
    {
        using var visitor = new Browser(app);
        var (_, page) = await visitor.GetAsync("/listings?" + query);
        Assert.NotEmpty(Text(page.QuerySelector(".error-summary ul")!));
        Assert.Empty(page.QuerySelectorAll(".error-summary a"));
    }

    [Theory]
    [InlineData("!!! ??? ...")]
    [InlineData("\"unbalanced quote")]
    [InlineData("the and of")]
    public async Task MKT02_odd_words_give_an_answer_not_an_error(string words)
    {
        using var visitor = new Browser(app);
        var (response, page) = await visitor.GetAsync("/listings?q=" + Uri.EscapeDataString(words));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.StartsWith("Found: ", Text(page.QuerySelector("#results-title")!), StringComparison.Ordinal);
        Assert.Equal(words, page.QuerySelector("#Q")!.GetAttribute("value"));
    }
}

using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Demo;

namespace Tradehall.BrowserTests;

/// <summary>MKT-02, MKT-04 in a browser on a phone: the search page keeps its state in the address, facets narrow, saved searches explain themselves.</summary>
public sealed class MarketplaceSearchTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task SeedAsync(Guid ownerId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rates = new RateTable("RUB", new Dictionary<string, decimal> { ["RUB"] = 1m });
        var now = site.Clock.GetUtcNow().UtcDateTime;
        (string Title, ListingType Type, int Category, string Country, bool Highlighted)[] seeds =
        [
            ("Quillwood boards kiln dried", ListingType.Offer, 12, "RU", true),
            ("Quillwood beams 150x150", ListingType.Offer, 13, "FI", false),
            ("Buying quillwood logs", ListingType.Request, 4, "RU", false),
            ("Birch plywood", ListingType.Offer, 28, "DE", false),
        ];
        var day = 0;
        foreach (var (title, type, category, country, highlighted) in seeds)
        {
            var posted = now.AddDays(-++day);
            var listing = new Listing
            {
                Type = type, Status = ListingStatus.Active, OwnerId = ownerId, Title = title, Description = "Ready to ship.", CategoryId = category,
                Price = 1_000_000 * day, Currency = "RUB", Unit = "m3", Quantity = 5, Country = country, Region = "", PostedAt = posted,
                UpdatedAt = posted, ExpiresAt = posted.AddDays(60),
            };
            var entry = new ListingSearchEntry { Country = country, Currency = "RUB", Title = title, Description = "" };
            SearchIndex.Fill(entry, listing, highlighted, rates);
            db.AddRange(listing, entry);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Textures that stand in for photos of each top category's goods, drawn by the browser.</summary>
    private static readonly Dictionary<string, string> Textures = new()
    {
        ["roundwood"] = "repeating-radial-gradient(circle at 35% 45%, #dcb581 0 7px, #c0904f 7px 10px, #e2c08f 10px 16px)",
        ["sawn-timber"] = "repeating-linear-gradient(0deg, rgba(60,30,0,.08) 0 2px, transparent 2px 11px), "
            + "repeating-linear-gradient(90deg, #d2a868 0 120px, #8f6430 120px 126px, #c79a5a 126px 250px, #9b6d36 250px 255px)",
        ["engineered-wood"] = "repeating-linear-gradient(0deg, #e6c48e 0 40px, #a87838 40px 44px, #dcb67c 44px 86px, #b58545 86px 89px)",
        ["wood-panels"] = "repeating-linear-gradient(0deg, #ead2a4 0 18px, #a9824e 18px 21px, #f0dcb6 21px 36px, #8a6335 36px 38px)",
        ["pulp-paper"] = "repeating-linear-gradient(90deg, #f4f1ea 0 60px, #dcd6ca 60px 64px), linear-gradient(#fafafa, #d9d4c9)",
        ["bioenergy"] = "radial-gradient(circle, #8c6534 34%, #a97d45 36%, transparent 44%) 0 0 / 26px 26px, #caa36c",
        ["by-products"] = "radial-gradient(circle, #b98c52 30%, transparent 32%) 0 0 / 11px 11px, radial-gradient(circle, #e2c48f 25%, transparent 27%) 5px 5px / 13px 13px, #cfab73",
        ["machinery"] = "repeating-linear-gradient(135deg, rgba(255,255,255,.25) 0 18px, transparent 18px 60px), linear-gradient(160deg, #f0b323 0 45%, #39424d 45%)",
        ["services"] = "linear-gradient(#89b4d8 0 38%, #d9e8f3 38% 42%, #2e5f3d 42% 70%, #1d3f28 70%)",
        ["metals"] = "repeating-linear-gradient(0deg, #6f7a86 0 6px, #c9d1da 6px 16px, #8b96a3 16px 40px)",
        ["building-materials"] = "linear-gradient(#d8d2c8 0 3px, transparent 3px) 0 0 / 100% 40px, "
            + "linear-gradient(90deg, #d8d2c8 0 3px, transparent 3px) 0 0 / 90px 80px, #b5533c",
        ["chemicals"] = "radial-gradient(circle at 50% 40%, #5b8fd6 0 28%, #2c5aa0 30% 34%, transparent 36%) 0 0 / 160px 160px, #e8edf3",
        ["agriculture-food"] = "repeating-linear-gradient(75deg, #e7c66a 0 6px, #c79d3b 6px 9px, #f0d88e 9px 16px)",
        ["fuel-energy"] = "radial-gradient(circle, #2b2b2b 40%, transparent 42%) 0 0 / 34px 34px, #4a4a4a",
        ["packaging"] = "repeating-linear-gradient(90deg, #c9a477 0 4px, #b88f5f 4px 8px), #c9a477",
        ["textiles"] = "repeating-linear-gradient(45deg, #3d5a80 0 8px, #98c1d9 8px 16px)",
    };

    /// <summary>
    /// The development demo market (its members, company and 300 listings), once per site, with photos on two of every
    /// three of the newest listings, so the first pages show both a photo and the box that stands in for one.
    /// </summary>
    private async Task DemoMarketAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        await DemoData.EnsureAsync(scope.ServiceProvider, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Set<ListingPhoto>().AnyAsync())
        {
            return;
        }
        var roots = (await scope.ServiceProvider.GetRequiredService<CategoryTree>().TreeAsync(CancellationToken.None))
            .SelectMany(root => Flatten(root).Select(id => (id, root.Code))).ToDictionary(x => x.id, x => x.Code);
        static IEnumerable<int> Flatten(CategoryNode node) => node.Children.SelectMany(Flatten).Prepend(node.Id);
        var newest = await db.Set<Listing>().AsNoTracking().Where(l => l.Status == ListingStatus.Active).OrderByDescending(l => l.PostedAt).Take(40)
            .Select(l => new { l.Id, l.OwnerId, l.CategoryId }).ToListAsync();
        var painter = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 640, Height = 480 } });
        var editor = scope.ServiceProvider.GetRequiredService<ListingEditor>();
        foreach (var (listing, n) in newest.Select((l, n) => (l, n)).Where(x => x.n % 3 != 2))
        {
            var texture = Textures.GetValueOrDefault(roots.GetValueOrDefault(listing.CategoryId, ""), Textures["sawn-timber"]);
            await painter.SetContentAsync($"<body style=\"margin:0\"><div style=\"width:640px;height:480px;background:{texture}\"></div></body>");
            var jpeg = await painter.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 85 });
            await using var content = new MemoryStream(jpeg);
            await editor.AddPhotoAsync(listing.OwnerId, listing.Id, content, jpeg.Length, CancellationToken.None);
        }
        await painter.CloseAsync();
    }

    /// <summary>Lazy thumbnails load as they come near the screen: bring each near it, then wait until every image has arrived.</summary>
    private static async Task LoadImagesAsync(IPage page)
    {
        await page.EvaluateAsync("""
            async () => {
              for (const img of document.querySelectorAll("img[loading=lazy]")) {
                img.scrollIntoView();
                await new Promise(r => requestAnimationFrame(r));
              }
              window.scrollTo(0, 0);
            }
            """);
        await page.WaitForFunctionAsync("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)");
    }

    [Fact]
    public async Task MKT02_MKT04_search_with_filters_keeps_its_state_in_the_address_and_passes_axe()
    {
        await DemoMarketAsync();
        var registration = Members.Registration();
        Guid memberId;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
            memberId = registered.GetProperty("accountId").GetGuid();
        }
        await SeedAsync(memberId);

        var page = await site.PhoneAsync();
        await page.GotoAsync(site.BaseUrl + "/listings");
        var problems = (await Accessibility.SeriousViolationsAsync(page)).ToList();
        // On a phone the filters wait behind their button and the results start within the first screen.
        Assert.False(await page.Locator("#Sort").IsVisibleAsync());
        Assert.True((await page.Locator("#results-title").BoundingBoxAsync())!.Y < 844);
        await page.FillAsync("#Q", "quillwood");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/listings\?q=quillwood&"));
        // A facet is a link; the next search from the form keeps what it chose.
        await page.Locator(".search-filters > summary").ClickAsync();
        await page.Locator("#Type a", new() { HasTextString = "Offers to sell" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/listings\?q=quillwood&type=offer"));
        await page.Locator(".search-filters > summary").ClickAsync();
        await page.SelectOptionAsync("#Sort", "newest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show results", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/listings\?.*q=quillwood.*type=offer.*sort=newest"));
        Assert.Contains("Found: 2", await page.Locator("#results-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Quillwood boards kiln dried", "Quillwood beams 150x150"], await page.Locator(".results h3 a").AllInnerTextsAsync());
        Assert.Equal(1, await page.Locator(".result-highlighted").CountAsync());
        Assert.Contains("/ m³", await page.Locator(".results li").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-listing-search-phone.png"), FullPage = true });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));

        // A country facet narrows the search; the filter column marks it with the way back.
        await page.Locator(".search-filters > summary").ClickAsync();
        await page.Locator("#Country a", new() { HasTextString = "Finland" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("country=FI"));
        Assert.Equal(["Quillwood beams 150x150"], await page.Locator(".results h3 a").AllInnerTextsAsync());
        Assert.Contains("Filters (", await page.Locator(".search-filters > summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("FI", await page.Locator("input[type=hidden][name=country]").InputValueAsync());
        Assert.Equal("quillwood", await page.Locator("#Q").InputValueAsync());

        // Back returns to the earlier search; removing a filter widens it again.
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("country=FI", StringComparison.Ordinal));
        Assert.Equal(2, await page.Locator(".results li").CountAsync());
        await page.GotoAsync(site.BaseUrl + "/listings?q=quillwood&type=request&country=DE");
        Assert.Contains("No listings match this search.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator(".chips a", new() { HasTextString = "Germany" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("country=DE", StringComparison.Ordinal));
        Assert.Equal(["Buying quillwood logs"], await page.Locator(".results h3 a").AllInnerTextsAsync());
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));

        // A member without the subscription learns what saved searches need.
        await site.SignInAsync(page, (string)registration["email"]!, Members.Password);
        await page.GotoAsync(site.BaseUrl + "/saved-searches");
        Assert.Contains("come with the marketplace subscription", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "61-saved-searches-phone.png"), FullPage = true });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MKT02_NET08_results_people_scan_with_facets_beside_them_on_desktop_and_phone_in_both_languages()
    {
        await DemoMarketAsync();
        var problems = new List<string>();
        foreach (var (language, locale) in new[] { ("en", "en-GB"), ("ru", "ru-RU") })
        {
            var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = locale, BypassCSP = true,
            });
            var page = await context.NewPageAsync();
            async Task CheckAsync(string name)
            {
                await LoadImagesAsync(page);
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), name + " runs off the side");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"{name}-{language}.png"), FullPage = true });
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{name} {language}: {v}"));
            }

            await page.GotoAsync(site.BaseUrl + "/listings");
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            // Every row has a box of the same size where the photo is, a photo or the category's initials.
            var rows = await page.Locator(".results > li").CountAsync();
            Assert.Equal(rows, await page.Locator(".results > li > .result-thumb").CountAsync());
            Assert.InRange(await page.Locator(".result-thumb img").CountAsync(), 1, rows - 1);
            var sizes = await page.Locator(".result-thumb").EvaluateAllAsync<double[][]>(
                "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])");
            Assert.All(sizes, s => Assert.Equal([96d, 96d], s));
            Assert.Equal(rows, await page.Locator(".results > li .result-path").CountAsync());
            Assert.Equal(rows, await page.Locator(".results > li .result-price").CountAsync());
            Assert.True(await page.Locator(".results .result-seller .badge-ok").CountAsync() > 0);
            // The facets stand in the filter column, beside the results, and nowhere else.
            Assert.Equal(0, await page.Locator(".facets").CountAsync());
            Assert.Equal(3, await page.Locator(".search-form .facet").CountAsync());
            var column = (await page.Locator(".search-form").BoundingBoxAsync())!;
            var results = (await page.Locator(".search-results").BoundingBoxAsync())!;
            Assert.True(column.X + column.Width <= results.X, "The filter column stands beside the results.");
            await CheckAsync("62-listing-search-desktop");

            // Drilling into a category marks it, with the way back up, and lists what lies below it.
            await page.Locator("#Category .facet-option a").First.ClickAsync();
            await page.WaitForURLAsync(new Regex("category=\\d+"));
            Assert.Equal(1, await page.Locator("#Category [aria-current=true]").CountAsync());
            Assert.True(await page.Locator("#Category .facet-up a").CountAsync() >= 1);
            await CheckAsync("63-listing-search-category-desktop");

            // A misspelled word gets the market's word offered.
            await page.GotoAsync(site.BaseUrl + "/listings?q=pelets");
            await page.Locator(".suggestion a").ClickAsync();
            await page.WaitForURLAsync(new Regex("q=pellets"));
            Assert.True(await page.Locator(".results > li").CountAsync() > 0);
            await page.GotoAsync(site.BaseUrl + "/listings?q=pelets");
            await CheckAsync("64-listing-search-did-you-mean-desktop");
            await context.CloseAsync();

            // On a phone: the results first, the filters behind their button; rows stack with the picture at the left.
            var phoneContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = locale, BypassCSP = true,
            });
            page = await phoneContext.NewPageAsync();
            await page.GotoAsync(site.BaseUrl + "/listings");
            Assert.False(await page.Locator("#Category").IsVisibleAsync());
            Assert.True((await page.Locator(".results > li").First.BoundingBoxAsync())!.Y < 844, "The first result is on the first screen.");
            var thumb = (await page.Locator(".results > li .result-thumb").First.BoundingBoxAsync())!;
            var title = (await page.Locator(".results > li .result-title").First.BoundingBoxAsync())!;
            Assert.True(thumb.X + thumb.Width <= title.X && thumb.Width == 64, "The picture stands small at the left of the text.");
            await CheckAsync("65-listing-search-phone");
            await page.Locator(".search-filters > summary").ClickAsync();
            Assert.True(await page.Locator("#Category").IsVisibleAsync());
            await CheckAsync("66-listing-search-phone-filters");
            await phoneContext.CloseAsync();
        }
        Assert.Empty(problems);
    }
}

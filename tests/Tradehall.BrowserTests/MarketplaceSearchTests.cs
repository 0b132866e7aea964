using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Currencies;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Tests.Infrastructure;

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
            ("Spruce boards kiln dried", ListingType.Offer, 12, "RU", true),
            ("Spruce beams 150x150", ListingType.Offer, 13, "FI", false),
            ("Buying spruce logs", ListingType.Request, 4, "RU", false),
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

    [Fact]
    public async Task MKT02_MKT04_search_with_filters_keeps_its_state_in_the_address_and_passes_axe()
    {
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
        Assert.False(await page.Locator("#type").IsVisibleAsync());
        Assert.True((await page.Locator("#results-title").BoundingBoxAsync())!.Y < 844);
        await page.FillAsync("#q", "spruce");
        await page.Locator(".search-filters > summary").ClickAsync();
        await page.SelectOptionAsync("#type", "offer");
        await page.SelectOptionAsync("#sort", "newest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/listings\?.*q=spruce.*type=offer.*sort=newest"));
        Assert.Contains("Found: 2", await page.Locator("#results-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Spruce boards kiln dried", "Spruce beams 150x150"], await page.Locator(".results h3 a").AllInnerTextsAsync());
        Assert.Equal(1, await page.Locator(".result-highlighted").CountAsync());
        Assert.Contains("/ m³", await page.Locator(".results li").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-listing-search-phone.png"), FullPage = true });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));

        // A facet link narrows the search; the form shows what the address says.
        await page.Locator(".facets a", new() { HasTextString = "Finland" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("country=FI"));
        Assert.Equal(["Spruce beams 150x150"], await page.Locator(".results h3 a").AllInnerTextsAsync());
        Assert.Contains("Filters (", await page.Locator(".search-filters > summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("FI", await page.Locator("#country").InputValueAsync());
        Assert.Equal("spruce", await page.Locator("#q").InputValueAsync());

        // Back returns to the earlier search; removing a filter widens it again.
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("country=FI", StringComparison.Ordinal));
        Assert.Equal(2, await page.Locator(".results li").CountAsync());
        await page.GotoAsync(site.BaseUrl + "/listings?q=nothing-like-this&type=request");
        Assert.Contains("No listings match this search.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator(".chips a", new() { HasTextString = "Words" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("nothing", StringComparison.Ordinal));
        Assert.Equal(["Buying spruce logs"], await page.Locator(".results h3 a").AllInnerTextsAsync());
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
}

using Tradehall.Core.Marketplace.Listings;
using static Tradehall.Tests.Marketplace.ListingSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-01, MKT-03, MKT-05, MKT-06: the listing pages work as plain forms, without JavaScript.</summary>
public sealed class ListingPagesTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    private static Dictionary<string, string> Form(int category, string title) => new()
    {
        ["Type"] = "offer",
        ["Title"] = title,
        ["Description"] = "Dry **birch** logs. <img src=x onerror=alert(1)> [click](javascript:alert(1)) ![pic](https://tracker.example/p.png)",
        ["CategoryId"] = category.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Price"] = "3 200,50",
        ["Currency"] = "RUB",
        ["Quantity"] = "40",
        ["Unit"] = "m3",
        ["Country"] = "RU",
        ["Region"] = "Vologda oblast",
    };

    [Fact]
    public async Task MKT01_MKT03_a_member_posts_through_the_form_and_a_visitor_sees_it_inert_with_a_contact_button()
    {
        var owner = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(owner.Email, owner.Password);
        var category = await CategoryAsync(app);

        var refused = await browser.SubmitAsync("/listings/new", "Post the listing", new(Form(category, "")) { ["Price"] = "abc" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Title-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Price-error\"", html, StringComparison.Ordinal);

        var posted = await browser.SubmitAsync("/listings/new", "Post the listing", Form(category, "Birch firewood logs"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var path = posted.Headers.Location!.ToString();
        var id = Guid.Parse(path.Split('/')[^1]);
        Assert.Equal(320050, await app.WithDb(db => db.Set<Listing>().Where(l => l.Id == id).Select(l => l.Price).SingleAsync()));

        using var visitor = new Browser(app);
        var (response, page) = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prose = page.QuerySelector("main .prose")!;
        Assert.Null(prose.QuerySelector("img"));
        Assert.Contains("<img src=x onerror=alert(1)>", prose.TextContent, StringComparison.Ordinal);
        Assert.All(prose.QuerySelectorAll("a"), a =>
        {
            Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel"));
            Assert.DoesNotContain("javascript:", a.GetAttribute("href"), StringComparison.OrdinalIgnoreCase);
        });
        var contact = page.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Message the seller");
        Assert.StartsWith("/chats/new?to=", contact.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith($"&listing={id}", contact.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("3,200.50 RUB / m³", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The owner's own page view is not counted; the visitor's was.
        await browser.GetAsync(path);
        Assert.Equal(1, await app.WithDb(db => db.Set<Listing>().Where(l => l.Id == id).Select(l => l.Views).SingleAsync()));
    }

    [Fact]
    public async Task MKT05_MKT06_my_listings_shows_the_limit_and_a_member_reports_a_listing_through_the_page()
    {
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner, "Pine sleepers");
        using var browser = new Browser(app);
        await browser.SignInAsync(owner.Email, owner.Password);
        var (_, mine) = await browser.GetAsync("/my/listings");
        Assert.Contains("1 of 3 active listings", mine.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pine sleepers", mine.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var renewed = await browser.SubmitAsync("/my/listings", "Renew");
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);

        var reporter = await Members.RegisterAsync(app);
        using var other = new Browser(app);
        await other.SignInAsync(reporter.Email, reporter.Password);
        var reported = await other.SubmitAsync($"/listings/{id}", "Send the report", new() { ["Reason"] = "Copied photos from another seller" });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.True(await app.WithDb(db => db.Set<ListingComplaint>().AnyAsync(c => c.ListingId == id && c.ReporterId == reporter.Id)));

        // Someone else's edit page does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/listings/{id}/edit")).Response.StatusCode);
    }
}

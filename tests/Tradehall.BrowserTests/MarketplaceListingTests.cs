using System.Diagnostics;

namespace Tradehall.BrowserTests;

/// <summary>
/// MKT-01, MKT-05, ANL-04 in a browser on a phone: a member posts a listing with a photo through the form, sees it on its
/// page and in their list with the plan's limit. Every listing page is checked with axe on the way.
/// </summary>
public sealed class MarketplaceListingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task MKT01_a_member_posts_a_listing_with_a_photo_and_sees_it_on_its_page_and_in_their_list()
    {
        var registration = Members.Registration();
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await http.PostAsJsonAsync("/api/v1/account/register", registration);
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        }
        var photo = Path.Combine(site.Artifacts, "listing-photo.jpg");
        using (var vips = Process.Start(new ProcessStartInfo("vips", ["gaussnoise", photo, "320", "240"]))!)
        {
            await vips.WaitForExitAsync();
            Assert.Equal(0, vips.ExitCode);
        }

        var page = await site.PhoneAsync();
        await site.SignInAsync(page, (string)registration["email"]!, (string)registration["password"]!);
        var problems = new List<string>();

        await page.GotoAsync(site.BaseUrl + "/listings/new");
        Assert.Contains("0 of 3 active listings", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.GetByLabel("Request: I buy").CheckAsync();
        await page.FillAsync("#Title", "Wanted: pine pellets, 6 mm");
        await page.FillAsync("#Description", "We buy **ENplus A1** pellets monthly. Details: https://example.com/spec <script>alert(1)</script>");
        await page.SelectOptionAsync("#CategoryId", new SelectOptionValue { Value = "48" });
        await page.FillAsync("#Price", "240.50");
        await page.SelectOptionAsync("#Currency", "EUR");
        await page.FillAsync("#Quantity", "60");
        await page.SelectOptionAsync("#Unit", "t");
        await page.SelectOptionAsync("#Country", "FI");
        await page.FillAsync("#Region", "Uusimaa");
        await page.SetInputFilesAsync("#Photos", photo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the listing" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/listings/[0-9a-f-]{36}$"));

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Wanted: pine pellets, 6 mm", main, StringComparison.Ordinal);
        Assert.Contains("240.50 EUR / tonne", main, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", main, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main .prose script").CountAsync());
        Assert.Equal("nofollow ugc noopener", await page.Locator("main .prose a").First.GetAttributeAsync("rel"));
        Assert.True(await page.Locator("main .listing-photos img").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "60-listing-phone.png"), FullPage = true });

        await page.GotoAsync(site.BaseUrl + "/my/listings");
        var mine = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Wanted: pine pellets, 6 mm", mine, StringComparison.Ordinal);
        Assert.Contains("1 of 3 active listings", mine, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "61-my-listings-phone.png"), FullPage = true });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

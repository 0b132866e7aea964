using System.IO.Compression;

namespace Tradehall.BrowserTests;

/// <summary>
/// PRV-01, PRV-03 in a browser: the member reads what the site keeps about them, asks for a copy, watches it being
/// prepared and downloads the zip with their data.json — on a phone and a desktop, in Russian and English.
/// </summary>
public sealed class PrivacyJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task PRV01_PRV03_the_member_sees_what_is_stored_and_downloads_a_copy_of_their_data()
    {
        var email = await site.RegisteredAsync();
        var problems = new List<string>();

        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-GB", AcceptDownloads = true,
        })).NewPageAsync();
        await site.SignInAsync(page, email, Members.Password);
        await page.GotoAsync(site.BaseUrl + "/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        Assert.EndsWith("/settings/privacy", page.Url, StringComparison.Ordinal);
        var inventory = page.Locator("#inventory-heading ~ div table tbody tr");
        Assert.True(await inventory.CountAsync() >= 60);
        Assert.Contains("Member: Date of birth", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync();
        await page.Locator("[role=status]").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "80-privacy-preparing-desktop-en.png") });
        // The page reloads itself while the export is prepared; the link appears once it is ready.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = false }).Filter(new() { HasNotText = "my data" });
        await link.First.WaitForAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.First.ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            await using var data = zip.GetEntry("data.json")!.Open();
            var json = await JsonSerializer.DeserializeAsync<JsonElement>(data);
            Assert.Equal(email, json.GetProperty("account").GetProperty("profile").GetProperty("email").GetString());
        }

        foreach (var (language, locale) in new[] { ("ru", "ru-RU"), ("en", "en-GB") })
        {
            foreach (var (device, width, height) in new[] { ("phone", 390, 844), ("desktop", 1366, 900) })
            {
                var view = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = true, Locale = locale,
                })).NewPageAsync();
                await site.SignInAsync(view, email, Members.Password);
                await view.GotoAsync(site.BaseUrl + "/settings/privacy");
                Assert.True(await view.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{device} {language} runs off the side");
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"81-privacy-{device}-{language}.png"), FullPage = true });
                problems.AddRange((await Accessibility.SeriousViolationsAsync(view)).Select(v => $"{device} {language}: {v}"));
            }
        }
        Assert.Empty(problems);
    }
}

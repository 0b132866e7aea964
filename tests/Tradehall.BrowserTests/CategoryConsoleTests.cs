namespace Tradehall.BrowserTests;

/// <summary>MKT-01 in a browser: the operator adds a subcategory in the category console and renames it, in both languages, on a phone and a desktop.</summary>
public sealed class CategoryConsoleTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task MKT01_the_operator_adds_a_subcategory_and_renames_it_in_the_console()
    {
        var desktop = await DesktopAsync();
        await site.OperatorSignInAsync(desktop, "categories@operator.example.org");
        var problems = new List<string>();

        await desktop.GotoAsync(site.BaseUrl + "/operator?culture=en");
        await desktop.Locator("main a[href='/operator/categories']").ClickAsync();
        await desktop.WaitForURLAsync(new Regex("/operator/categories$"));
        problems.AddRange(await Accessibility.SeriousViolationsAsync(desktop));

        // Add a subcategory under Metals: a bad code first, then a good one.
        await desktop.Locator("#category-100 a[href='/operator/categories/new?parent=100']").ClickAsync();
        await desktop.WaitForURLAsync(new Regex("/operator/categories/new"));
        await desktop.FillAsync("#Code", "Steel Rails");
        await desktop.FillAsync("#NameEn", "Steel rails");
        await desktop.FillAsync("#NameRu", "Рельсы");
        await desktop.FillAsync("#Synonyms", "rails, рельсы, рельс");
        await desktop.Locator("main form button[type=submit]").ClickAsync();
        await desktop.Locator("#Code-error").WaitForAsync();
        problems.AddRange((await Accessibility.SeriousViolationsAsync(desktop)).Select(v => "refused: " + v));
        await desktop.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "70-category-new-refused-desktop-en.png"), FullPage = true });
        await desktop.FillAsync("#Code", "steel-rails");
        await desktop.Locator("main form button[type=submit]").ClickAsync();
        await desktop.WaitForURLAsync(new Regex("/operator/categories#category-\\d+$"));
        var row = desktop.Locator("tr", new() { HasText = "steel-rails" });
        Assert.Contains("Steel rails", await row.InnerTextAsync(), StringComparison.Ordinal);

        // Rename it.
        await row.Locator("a.tree-label").ClickAsync();
        await desktop.WaitForURLAsync(new Regex("/operator/categories/edit\\?id=\\d+$"));
        var edit = desktop.Url;
        await desktop.FillAsync("#NameEn", "Rails and rail fastenings");
        await desktop.FillAsync("#NameRu", "Рельсы и скрепления");
        await desktop.Locator("main form button[type=submit]", new() { HasText = "Save names" }).ClickAsync();
        await desktop.WaitForURLAsync(new Regex("/operator/categories#category-\\d+$"));
        Assert.Contains("Rails and rail fastenings", await desktop.Locator("tr", new() { HasText = "steel-rails" }).InnerTextAsync(), StringComparison.Ordinal);

        var phone = await site.PhoneAsync();
        await site.OperatorSignInAsync(phone, "categories.phone@operator.example.org");
        foreach (var (size, view) in new[] { ("desktop", desktop), ("phone", phone) })
        {
            foreach (var culture in new[] { "en", "ru" })
            {
                await view.GotoAsync($"{site.BaseUrl}/operator/categories?culture={culture}");
                problems.AddRange((await Accessibility.SeriousViolationsAsync(view)).Select(v => $"tree {size} {culture}: {v}"));
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"71-categories-{size}-{culture}.png") });
                await view.Locator("tr", new() { HasText = "steel-rails" }).ScrollIntoViewIfNeededAsync();
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"72-categories-added-{size}-{culture}.png") });

                await view.GotoAsync($"{edit}&culture={culture}");
                problems.AddRange((await Accessibility.SeriousViolationsAsync(view)).Select(v => $"edit {size} {culture}: {v}"));
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"73-category-edit-{size}-{culture}.png"), FullPage = true });

                await view.GotoAsync($"{site.BaseUrl}/operator/search-synonyms?culture={culture}");
                problems.AddRange((await Accessibility.SeriousViolationsAsync(view)).Select(v => $"synonyms {size} {culture}: {v}"));
                await view.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, $"74-search-synonyms-{size}-{culture}.png") });
            }
        }
        Assert.Empty(problems);
    }

    /// <summary>A desktop browser of its own (cookies are not shared).</summary>
    private async Task<IPage> DesktopAsync()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, BypassCSP = true, Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }
}

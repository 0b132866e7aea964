namespace Tradehall.BrowserTests;

/// <summary>
/// KYC-01..05 on a phone-sized screen: choose the type of subscriber, make a mistake in the OGRN,
/// see it beside the field, correct it and see the saved details masked. Checked with axe-core.
/// </summary>
public sealed class LegalJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task KYC01_KYC05_subscriber_enters_legal_details_on_a_phone()
    {
        var registration = Members.Registration();
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            (await http.PostAsJsonAsync("/api/v1/account/register", registration)).EnsureSuccessStatusCode();
        }
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            BypassCSP = true,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/account/sign-in");
        await page.FillAsync("#Email", (string)registration["email"]!);
        await page.FillAsync("#Password", Members.Password);
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync(site.BaseUrl + "/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/settings/legal"));
        await page.GetByLabel("Legal entity").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("type=legalEntity"));

        await page.FillAsync("#LegalForm", "PJSC");
        await page.FillAsync("#Name", "Sberbank");
        await page.FillAsync("#Inn", "7707083893");
        await page.FillAsync("#Kpp", "773601001");
        await page.FillAsync("#Ogrn", "1027700132196");
        await page.FillAsync("#LegalAddress", "19 Vavilova St, Moscow, 117312");
        await page.FillAsync("#PostalAddress", "19 Vavilova St, Moscow, 117312");
        await page.FillAsync("#Phone", "+7 495 500-55-50");
        await page.FillAsync("#Bic", "044525225");
        await page.FillAsync("#SettlementAccount", "40702810938000012345");
        await page.FillAsync("#CorrespondentAccount", "30101810400000000225");
        await page.GetByLabel("Yes").CheckAsync();
        await page.SelectOptionAsync("#Country", "RU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "20-legal-errors.png"), FullPage = true });
        var problems = (await Accessibility.SeriousViolationsAsync(page)).ToList();
        Assert.Contains("OGRN", await page.Locator("#Ogrn-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#Ogrn", "aria-invalid"));
        // What was typed comes back, except the bank details (KYC-05), which the page asks for again.
        Assert.Equal("7707083893", await page.InputValueAsync("#Inn"));
        Assert.Equal("", await page.InputValueAsync("#SettlementAccount"));

        await page.FillAsync("#Ogrn", "1027700132195");
        await page.FillAsync("#SettlementAccount", "40702810938000012345");
        await page.FillAsync("#CorrespondentAccount", "30101810400000000225");
        await page.FillAsync("#Bic", "044525225");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Locator("dl.details").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "21-legal-saved.png"), FullPage = true });
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        var details = await page.Locator("dl.details").InnerTextAsync();
        Assert.Contains("•••• 2345", details, StringComparison.Ordinal);
        Assert.Contains("7707083893", details, StringComparison.Ordinal);
        Assert.DoesNotContain("40702810938000012345", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("10 working days", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}

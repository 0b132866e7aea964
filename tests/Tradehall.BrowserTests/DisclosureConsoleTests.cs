using System.Globalization;

namespace Tradehall.BrowserTests;

/// <summary>
/// PRV-10 in a browser: the operator records a disclosure to an authority from the console; a member the console cannot
/// find is refused beside the box and nothing is recorded; the entry then stands in the register. Screenshots on desktop
/// and phone, in English and Russian.
/// </summary>
public sealed class DisclosureConsoleTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task PRV10_the_operator_records_a_disclosure_and_reads_it_in_the_register()
    {
        var email = await site.RegisteredAsync();
        var problems = new List<string>();
        var yesterday = site.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd'T'10:30", CultureInfo.InvariantCulture);

        var console = await site.PageAsync(1366, 900, "en-GB");
        await site.OperatorSignInAsync(console, $"disclosures.{Guid.NewGuid():N}@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator");
        await console.GetByRole(AriaRole.Link, new() { Name = "Disclosures to authorities" }).ClickAsync();
        await console.FillAsync("#Authority", "Arbitration court of Moscow");
        await console.FillAsync("#LegalBasis", "Court request No. A40-1234/2026");
        await console.FillAsync("#AccountIds", email + "\nnobody@nowhere.example.org");
        await console.FillAsync("#DataDescription", "Contract details and payments of the account");
        await console.FillAsync("#DisclosedAt", yesterday);
        await console.GetByRole(AriaRole.Button, new() { Name = "Record the disclosure" }).ClickAsync();
        await console.Locator("#AccountIds[aria-invalid=true]").WaitForAsync();
        Assert.Contains("nobody@nowhere.example.org", await console.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await site.ShootAsync(console, "95-disclosure-refused-desktop-en.png", "refused", problems);
        Assert.Equal(0, await console.Locator("table").CountAsync());

        await console.FillAsync("#AccountIds", email);
        await console.GetByRole(AriaRole.Button, new() { Name = "Record the disclosure" }).ClickAsync();
        await console.Locator("[role=status]").WaitForAsync();
        var register = await console.Locator("table").InnerTextAsync();
        Assert.Contains("Arbitration court of Moscow", register, StringComparison.Ordinal);
        Assert.Contains(email, register, StringComparison.Ordinal);

        foreach (var (language, locale) in new[] { ("en", "en-GB"), ("ru", "ru-RU") })
        {
            foreach (var (device, width, height) in new[] { ("phone", 390, 844), ("desktop", 1366, 900) })
            {
                var page = await site.PageAsync(width, height, locale);
                await site.OperatorSignInAsync(page, $"disclosures.{Guid.NewGuid():N}@operator.example.org");
                await page.GotoAsync(site.BaseUrl + "/operator/disclosures");
                await site.ShootAsync(page, $"96-operator-disclosures-{device}-{language}.png", $"register {device} {language}", problems);
            }
        }
        Assert.Empty(problems);
    }
}

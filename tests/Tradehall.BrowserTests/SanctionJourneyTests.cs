namespace Tradehall.BrowserTests;

/// <summary>
/// OPS-02, OPS-03 in a browser: the operator restricts a member's posting from the console, termination without the
/// forfeit confirmation is refused beside the box, the member reads the restriction on their violations page and the
/// listing form says why it refuses; the operator lifts it. Screenshots on desktop and phone, in English and Russian.
/// </summary>
public sealed class SanctionJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly (string Device, int Width, int Height)[] Devices = [("phone", 390, 844), ("desktop", 1366, 900)];
    private static readonly (string Language, string Locale)[] Languages = [("en", "en-GB"), ("ru", "ru-RU")];

    [Fact]
    public async Task OPS02_the_operator_restricts_a_member_who_reads_why_and_the_restriction_is_lifted()
    {
        var email = await site.RegisteredAsync();
        var problems = new List<string>();

        var console = await site.PageAsync(1366, 900, "en-GB");
        await site.OperatorSignInAsync(console, $"sanctions.{Guid.NewGuid():N}@operator.example.org");
        await console.GotoAsync(site.BaseUrl + "/operator");
        await console.GetByRole(AriaRole.Link, new() { Name = "Sanctions" }).ClickAsync();
        await console.FillAsync("#Member", email);
        await console.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await console.SelectOptionAsync("#Kind", "restriction");
        await console.FillAsync("#Reason", "Listings copied from another member's pages.");
        await console.GetByLabel("Posting listings").CheckAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Impose the sanction" }).ClickAsync();
        await console.Locator("[role=status]").WaitForAsync();
        Assert.Contains("Listings copied from another member's pages.", await console.Locator("table").InnerTextAsync(), StringComparison.Ordinal);

        // OPS-03: termination needs the forfeit confirmed; the refusal stands beside the box and nothing is recorded.
        await console.SelectOptionAsync("#Kind", "termination");
        await console.FillAsync("#Reason", "Repeated copying.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Impose the sanction" }).ClickAsync();
        await console.Locator("#ConfirmForfeit[aria-invalid=true]").WaitForAsync();
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "90-sanction-refused-desktop-en.png"), FullPage = true });
        problems.AddRange((await Accessibility.SeriousViolationsAsync(console)).Select(v => "refused: " + v));
        Assert.Equal(1, await console.Locator("table tbody tr").CountAsync());
        var memberUrl = site.BaseUrl + "/operator/member-sanctions?member=" + Uri.EscapeDataString(email);

        foreach (var (language, locale) in Languages)
        {
            foreach (var (device, width, height) in Devices)
            {
                var page = await site.PageAsync(width, height, locale);
                await site.OperatorSignInAsync(page, $"sanctions.{Guid.NewGuid():N}@operator.example.org");
                await page.GotoAsync(memberUrl);
                await site.ShootAsync(page, $"91-operator-sanctions-{device}-{language}.png", $"console {device} {language}", problems);

                var member = await site.PageAsync(width, height, locale);
                await site.SignInAsync(member, email, Members.Password);
                await member.GotoAsync(site.BaseUrl + "/account/violations");
                Assert.Equal(1, await member.Locator(".panel-danger").CountAsync());
                await site.ShootAsync(member, $"92-member-violations-{device}-{language}.png", $"member {device} {language}", problems);
            }
        }

        // The listing form says why it refuses, in words the member understands.
        var poster = await site.PageAsync(1366, 900, "en-GB");
        await site.SignInAsync(poster, email, Members.Password);
        await poster.GotoAsync(site.BaseUrl + "/listings/new");
        await poster.GetByLabel("Request: I buy").CheckAsync();
        await poster.FillAsync("#Title", "Wanted: pine pellets, 6 mm");
        await poster.FillAsync("#Description", "We buy pellets monthly.");
        await poster.SelectOptionAsync("#CategoryId", new SelectOptionValue { Value = "48" });
        await poster.FillAsync("#Price", "240.50");
        await poster.FillAsync("#Quantity", "60");
        await poster.SelectOptionAsync("#Unit", "t");
        await poster.FillAsync("#Region", "Uusimaa");
        await poster.GetByRole(AriaRole.Button, new() { Name = "Post the listing" }).ClickAsync();
        await poster.GetByText("you cannot post or publish listings").WaitForAsync();
        await poster.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "93-listing-refused-desktop-en.png"), FullPage = true });

        await console.GotoAsync(memberUrl);
        await console.GetByRole(AriaRole.Button, new() { Name = "Lift" }).ClickAsync();
        await console.Locator("[role=status]").WaitForAsync();
        await poster.GotoAsync(site.BaseUrl + "/account/violations");
        Assert.Equal(0, await poster.Locator(".panel-danger").CountAsync());
        Assert.Contains("Lifted", await poster.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}

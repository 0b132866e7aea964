using Tradehall.Core.Data;
using Tradehall.Core.Notifications;

namespace Tradehall.BrowserTests;

/// <summary>NTF-01 in a browser on a phone: the notification centre and the preferences table.</summary>
public sealed class NotificationJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task NTF01_centre_and_preferences_work_on_a_phone_and_pass_axe()
    {
        var registration = Members.Registration();
        Guid memberId;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            var registered = await (await http.PostAsJsonAsync("/api/v1/account/register", registration)).Content.ReadFromJsonAsync<JsonElement>();
            memberId = registered.GetProperty("accountId").GetGuid();
        }
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            notifier.Add(new NotificationRequest(memberId, NotificationType.ContactRequest, "/settings", Guid.NewGuid(), "Ivan Petrov"));
            notifier.Add(new NotificationRequest(memberId, NotificationType.ServiceNotice, "/legal/terms", Excerpt: "Maintenance on Sunday night."));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BypassCSP = true, Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/account/sign-in");
        await page.FillAsync("#Email", (string)registration["email"]!);
        await page.FillAsync("#Password", Members.Password);
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/account/sign-in", StringComparison.Ordinal));

        // The header counts the unread entries; the centre lists them, newest first.
        Assert.Equal("2", await page.Locator("#notifications-link [data-unread]").GetAttributeAsync("data-unread"));
        // On a phone the header's links sit behind the "Menu" button.
        await page.Locator("header .nav-toggle").ClickAsync();
        await page.Locator("#notifications-link").ClickAsync();
        await page.WaitForURLAsync(new Regex("/notifications$"));
        var problems = (await Accessibility.SeriousViolationsAsync(page)).ToList();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "40-notifications-phone.png"), FullPage = true });
        Assert.Equal(2, await page.Locator("#notifications article").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Ivan Petrov asked to join your contacts" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/settings$"));
        Assert.Equal("1", await page.Locator("#notifications-link [data-unread]").GetAttributeAsync("data-unread"));

        // The preferences: a labelled table of checkboxes, saved by the form.
        await page.GotoAsync(site.BaseUrl + "/settings/notifications");
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "41-notification-settings-phone.png"), FullPage = true });
        var marketing = page.GetByLabel("News and offers — Email");
        Assert.False(await marketing.IsCheckedAsync());
        Assert.True(await page.GetByLabel("New messages — On the site").IsDisabledAsync());
        await marketing.CheckAsync();
        await page.GetByLabel("Comments on your page — Email").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notification settings" }).ClickAsync();
        await page.Locator("[role=status]").WaitForAsync();
        Assert.Contains("Your notification choices are saved.", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("News and offers — Email").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Comments on your page — Email").IsCheckedAsync());
        Assert.True(await page.GetByLabel("Contact requests — Email").IsCheckedAsync());
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));

        // Mark all read from the centre.
        await page.GotoAsync(site.BaseUrl + "/notifications");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await page.Locator("[role=status]").WaitForAsync();
        Assert.Equal(0, await page.Locator("#notifications-link [data-unread]").CountAsync());
        problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        Assert.Empty(problems);
        await context.CloseAsync();
    }
}

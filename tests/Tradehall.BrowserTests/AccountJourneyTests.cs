namespace Tradehall.BrowserTests;

/// <summary>
/// ACC-01..09 as a person does it in a browser: register, confirm the phone with the SMS code and
/// the email with the emailed link, sign out and in, turn on an authenticator app, sign in with it.
/// Every page is screenshotted and checked with axe-core.
/// </summary>
public sealed class AccountJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly List<string> accessibility = [];

    private async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // axe-core is injected as a script; the site's CSP rightly refuses scripts it did not serve.
            BypassCSP = true,
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    private async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, name + ".png"), FullPage = true });
        accessibility.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
    }

    private static async Task SignOutAsync(IPage page)
    {
        // "Sign out" sits in the account menu under the member's name.
        await page.Locator("header .account-toggle").ClickAsync();
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/settings", StringComparison.Ordinal));
    }

    private static async Task SignInAsync(IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
    }

    [Fact]
    public async Task ACC01_ACC09_register_confirm_sign_in_and_use_an_authenticator_app()
    {
        var page = await NewPageAsync();
        var email = Members.NewEmail();
        var phone = Members.NewPhone();

        await page.GotoAsync(site.BaseUrl + "/");
        await CheckAsync(page, "01-home");
        await page.GotoAsync(site.BaseUrl + "/account/register");
        await CheckAsync(page, "02-register");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Members.Password);
        await page.FillAsync("#FirstName", "Elena");
        await page.FillAsync("#LastName", "Koroleva");
        await page.SelectOptionAsync("#Gender", "Female");
        await page.FillAsync("#DateOfBirth", "1988-06-14");
        await page.FillAsync("#City", "Arkhangelsk");
        await page.FillAsync("#Phone", phone);
        await page.CheckAsync("#AcceptTerms");
        await page.CheckAsync("#AcceptPrivacy");
        await page.Locator("main form button[type=submit]").Last.ClickAsync();

        await page.WaitForURLAsync(new Regex("/account/confirm-phone"));
        await CheckAsync(page, "03-confirm-phone");
        await page.FillAsync("#Code", await site.SmsCodeAsync(phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/confirm-phone", StringComparison.Ordinal));

        await page.GotoAsync(await site.EmailLinkAsync(email, "/account/confirm-email"));
        await CheckAsync(page, "04-confirm-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await page.GotoAsync(site.BaseUrl + "/settings");
        await CheckAsync(page, "05-settings");
        var settings = await page.Locator("main").InnerTextAsync();
        Assert.Contains(email, settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Not confirmed", settings, StringComparison.Ordinal);

        await SignOutAsync(page);
        await page.GotoAsync(site.BaseUrl + "/account/sign-in");
        await CheckAsync(page, "06-sign-in");
        await SignInAsync(page, site.BaseUrl, email, Members.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync(site.BaseUrl + "/settings/two-factor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-step sign-in" }).ClickAsync();
        await CheckAsync(page, "07-two-factor-setup");
        var key = await page.Locator(".shared-key").InnerTextAsync();
        await page.FillAsync("#Code", Totp.Code(key, site.Clock.GetUtcNow()));
        await page.FillAsync("#CurrentPassword", Members.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await page.Locator(".code-list li").First.WaitForAsync();
        Assert.Equal(10, await page.Locator(".code-list li").CountAsync());
        await CheckAsync(page, "08-recovery-codes");

        await SignOutAsync(page);
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        await SignInAsync(page, site.BaseUrl, email, Members.Password);
        await page.WaitForURLAsync(new Regex("/account/sign-in/second-factor"));
        await CheckAsync(page, "09-second-factor");
        await page.FillAsync("#Code", Totp.Code(key, site.Clock.GetUtcNow()));
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.GotoAsync(site.BaseUrl + "/settings/sessions");
        await CheckAsync(page, "10-sessions");
        Assert.Contains("Elena", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        // ACC-06: an emailed sign-in link stands in for the password, not for the second factor.
        await SignOutAsync(page);
        await page.GotoAsync(site.BaseUrl + "/account/magic-link");
        await page.FillAsync("#Email", email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a link" }).ClickAsync();
        await page.GotoAsync(await site.EmailLinkAsync(email, "/account/magic-link"));
        await CheckAsync(page, "11-magic-link");
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/sign-in/second-factor"));
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.FillAsync("#Code", Totp.Code(key, site.Clock.GetUtcNow()));
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        Assert.Contains("Elena", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Empty(accessibility);
    }

    [Fact]
    public async Task NET_the_home_page_shows_a_new_member_their_first_steps_with_progress()
    {
        var registration = Members.Registration();
        var email = (string)registration["email"]!;
        var phone = (string)registration["phone"]!;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            Assert.True((await http.PostAsJsonAsync("/api/v1/account/register", registration)).IsSuccessStatusCode);
        }
        var page = await NewPageAsync(1366, 900);
        await site.SignInAsync(page, email, Members.Password);
        await page.GotoAsync(site.BaseUrl + "/");
        var steps = page.Locator(".checklist-list > li");
        Assert.Equal(8, await steps.CountAsync());
        Assert.Equal("0 of 8 done", (await page.Locator("#steps-count").InnerTextAsync()).Trim());
        Assert.Equal("0", await page.GetAttributeAsync(".checklist-progress", "value"));
        var links = await page.Locator(".checklist-list a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in new[] { "/settings/page", "/account/confirm-phone", "/organizations/new", "/settings/legal", "/billing#topup-title", "/listings/new", "/listings" })
        {
            Assert.Contains(href, links);
        }
        Assert.Contains("Nothing waits for your answer right now.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The phone step leads to the code form; once confirmed, the step counts as done.
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter the code from the SMS" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/confirm-phone"));
        await page.FillAsync("#Code", await site.SmsCodeAsync(phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/confirm-phone", StringComparison.Ordinal));
        await page.GotoAsync(site.BaseUrl + "/");
        Assert.Equal("1 of 8 done", (await page.Locator("#steps-count").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator(".checklist-list > li.step-done").CountAsync());
        await CheckAsync(page, "20-home-checklist-desktop");
        await page.GotoAsync(site.BaseUrl + "/?culture=ru");
        Assert.Contains("Выполнено 1 из 8", await page.Locator("#steps-count").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "21-home-checklist-desktop-ru");

        // The same session at a phone's width.
        var onPhone = page;
        await onPhone.SetViewportSizeAsync(390, 844);
        await onPhone.GotoAsync(site.BaseUrl + "/");
        await CheckAsync(onPhone, "22-home-checklist-phone");
        // Nothing runs off a phone's screen.
        Assert.True(await onPhone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await onPhone.GotoAsync(site.BaseUrl + "/?culture=ru");
        await CheckAsync(onPhone, "23-home-checklist-phone-ru");
        Assert.True(await onPhone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(accessibility);
    }

    [Fact]
    public async Task ACC01_bad_input_is_explained_beside_each_field_and_nothing_is_stored()
    {
        var page = await NewPageAsync(390, 844);
        var email = Members.NewEmail();
        await page.GotoAsync(site.BaseUrl + "/account/register");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", "password123");
        await page.FillAsync("#FirstName", "Oleg");
        await page.FillAsync("#LastName", "Minorov");
        await page.FillAsync("#DateOfBirth", TimeProvider.System.GetUtcNow().AddYears(-17).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#City", "Kotlas");
        await page.FillAsync("#Phone", "12345");
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.WaitForLoadStateAsync();
        await CheckAsync(page, "12-register-errors-phone");

        foreach (var field in new[] { "Password", "DateOfBirth", "Phone", "AcceptTerms", "AcceptPrivacy" })
        {
            var described = await page.GetAttributeAsync($"#{field}", "aria-describedby") ?? "";
            var message = await page.Locator($"#{field}").Locator("xpath=ancestor::div[contains(@class,'field') or contains(@class,'check')][1]").InnerTextAsync();
            Assert.True(message.Length > 0, field);
            Assert.False(string.IsNullOrEmpty(described), $"{field} is not tied to its error message");
        }
        Assert.Equal(email, await page.InputValueAsync("#Email"));
        await SignInAsync(page, site.BaseUrl, email, "password123");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Empty(accessibility);
    }

    [Fact]
    public async Task RUN07_pages_follow_the_browser_language_and_the_switch()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/account/sign-in");
        Assert.Equal("ru", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Войти", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Artifacts, "13-sign-in-ru.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        Assert.Contains("Sign in", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACC08_changing_the_email_asks_for_the_password_and_the_previous_address_can_undo_it()
    {
        var registration = Members.Registration();
        var email = (string)registration["email"]!;
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) })
        {
            Assert.True((await http.PostAsJsonAsync("/api/v1/account/register", registration)).IsSuccessStatusCode);
        }
        var page = await NewPageAsync();
        await site.SignInAsync(page, email, Members.Password);

        var newEmail = Members.NewEmail();
        await page.GotoAsync(site.BaseUrl + "/settings/email");
        await page.FillAsync("#Email", newEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the confirmation link" }).ClickAsync();
        await page.GetByText("Enter your current password to confirm the change.").First.WaitForAsync();
        await CheckAsync(page, "12-email-change-needs-the-password");
        await page.FillAsync("#CurrentPassword", Members.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the confirmation link" }).ClickAsync();
        await page.GetByText("We sent a confirmation link to").WaitForAsync();

        await page.GotoAsync(await site.EmailLinkAsync(newEmail, "/account/confirm-email-change"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the new address" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/settings"));

        // The previous address was told, with a link that undoes the change and signs every session out.
        await page.GotoAsync(await site.EmailLinkAsync(email, "/account/revert-email"));
        await CheckAsync(page, "13-revert-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "This wasn't me: restore my address" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/sign-in"));
        await CheckAsync(page, "14-revert-email-done");
        await site.SignInAsync(page, email, Members.Password);
        await page.GotoAsync(site.BaseUrl + "/settings");
        Assert.Contains(email, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The same pages on a phone, in Russian.
        var phone = await site.PhoneAsync();
        await site.SignInAsync(phone, email, Members.Password);
        var pages = new[]
        {
            ("/settings/email", "15-email-change-phone-ru"), ("/settings/phone", "16-phone-change-phone-ru"), ("/settings/two-factor", "17-two-factor-phone-ru"),
            ("/account/revert-email", "18-revert-email-phone-ru"), ("/settings/tokens", "19-tokens-phone-ru"),
        };
        foreach (var (path, name) in pages)
        {
            await phone.GotoAsync(site.BaseUrl + path + "?culture=ru");
            await CheckAsync(phone, name);
        }
        Assert.Empty(accessibility);
    }
}

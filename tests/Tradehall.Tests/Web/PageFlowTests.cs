using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Sessions;

namespace Tradehall.Tests.Web;

/// <summary>The cookie-session flows of the pages: magic links, sessions, sign-out, the staff console.</summary>
public sealed class PageFlowTests
{
    [Fact]
    public async Task ACC06_magic_link_signs_in_once_and_not_after_ten_minutes()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SubmitAsync("/account/magic-link", "Email me a link", new() { ["Email"] = member.Email });
        var token = await app.Mail.NextLinkTokenAsync(member.Email, "/account/magic-link");
        var link = "/account/magic-link?token=" + Uri.EscapeDataString(token);

        var (opened, _) = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.False(await browser.IsSignedInAsync(), "GET must not sign in (SEC-04)");
        var signedIn = await browser.SubmitAsync(link, "Sign in");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await browser.IsSignedInAsync());

        using var second = new Browser(app);
        var reused = await second.SubmitAsync(link, "Sign in");
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await second.IsSignedInAsync());

        using var late = new Browser(app);
        await late.SubmitAsync("/account/magic-link", "Email me a link", new() { ["Email"] = member.Email });
        var lateToken = await app.Mail.NextLinkTokenAsync(member.Email, "/account/magic-link");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var lateLink = "/account/magic-link?token=" + Uri.EscapeDataString(lateToken);
        var refused = await late.SubmitAsync(lateLink, "Sign in");
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await late.IsSignedInAsync());
    }

    [Fact]
    public async Task ACC07_member_sees_sessions_and_ends_another_device()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var laptop = new Browser(app);
        using var phone = new Browser(app);
        await laptop.SignInAsync(member.Email, member.Password);
        await phone.SignInAsync(member.Email, member.Password);

        var (_, page) = await laptop.GetAsync("/settings/sessions");
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length);
        Assert.Single(page.QuerySelectorAll("form input[name=id]"));
        var response = await laptop.SubmitAsync("/settings/sessions", "End");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.False(await phone.IsSignedInAsync());
        Assert.True(await laptop.IsSignedInAsync());
    }

    [Fact]
    public async Task SEC03_sign_out_ends_the_session_on_the_server()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-out", "Sign out", pick: f => f.Action.Contains("sign-out", StringComparison.Ordinal))).StatusCode);
        var open = await app.WithDb(db => db.Set<SignInSession>().CountAsync(s => s.MemberId == member.Id && s.EndedAt == null));
        Assert.Equal(0, open);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SEC03_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var here = new Browser(app);
        using var elsewhere = new Browser(app);
        await here.SignInAsync(member.Email, member.Password);
        await elsewhere.SignInAsync(member.Email, member.Password);
        var changed = await here.SubmitAsync("/settings/password", "Change password", new() { ["CurrentPassword"] = member.Password, ["NewPassword"] = "Oak veneer 0.6 mm rotary cut" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await here.IsSignedInAsync());
        Assert.False(await elsewhere.IsSignedInAsync());
    }

    [Fact]
    public async Task SEC03_session_ends_after_its_idle_lifetime()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        app.Clock.Advance(TimeSpan.FromHours(12));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SEC05_staff_console_requires_staff_and_a_second_factor()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync("ops@operator.example.org", "Operator pass phrase 2026");
        }
        using var memberBrowser = new Browser(app);
        await memberBrowser.SignInAsync(member.Email, member.Password);
        var refused = (await memberBrowser.GetAsync("/operator")).Response;
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var operatorBrowser = new Browser(app);
        await operatorBrowser.SignInAsync("ops@operator.example.org", "Operator pass phrase 2026");
        var withoutSecondFactor = (await operatorBrowser.GetAsync("/operator")).Response;
        Assert.Contains("/account/access-denied", withoutSecondFactor.Headers.Location!.ToString(), StringComparison.Ordinal);

        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var op = (await users.FindByEmailAsync("ops@operator.example.org"))!;
            await users.ResetAuthenticatorKeyAsync(op);
            key = (await users.GetAuthenticatorKeyAsync(op))!;
            await users.SetTwoFactorEnabledAsync(op, true);
        }
        using var secured = new Browser(app);
        var step = await secured.SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = "ops@operator.example.org", ["Password"] = "Operator pass phrase 2026" });
        Assert.Contains("/account/sign-in/second-factor", step.Headers.Location!.ToString(), StringComparison.Ordinal);
        var done = await secured.SubmitAsync(step.Headers.Location!.ToString(), "Continue", new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (console, page) = await secured.GetAsync("/operator");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.NotNull(page.QuerySelector("main h1"));
    }

    [Fact]
    public async Task SEC04_a_form_post_without_the_antiforgery_token_changes_nothing()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(member.Email, member.Password);
        var forged = await browser.PostRawAsync("/settings/password", new() { ["CurrentPassword"] = member.Password, ["NewPassword"] = "Forged password from elsewhere" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var check = new Browser(app);
        await check.SignInAsync(member.Email, member.Password);
    }
}

namespace Tradehall.Tests.Accounts;

/// <summary>ACC-08, SEC-05: a leaked token or an open session is not enough to take an account over.</summary>
public sealed class AccountTakeoverTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    [Theory]
    [InlineData(null)]
    [InlineData("not my password at all")]
    public async Task ACC08_an_email_change_without_the_current_password_is_refused_and_changes_nothing(string? currentPassword)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var newEmail = Members.NewEmail();
        var response = await client.PutAsJsonAsync("/api/v1/me/email", new { email = newEmail, currentPassword });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        // Mail is queued in the request's own transaction: none queued means none will ever be sent.
        Assert.Equal(0, await app.QueuedToAsync(newEmail));
    }

    [Fact]
    public async Task ACC08_a_phone_change_without_the_current_password_is_refused()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var newPhone = Members.NewPhone();
        var response = await client.PutAsJsonAsync("/api/v1/me/phone", new { phone = newPhone });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(0, await app.QueuedToAsync(newPhone));
    }

    [Fact]
    public async Task ACC08_the_previous_address_is_told_of_an_email_change_and_its_link_undoes_it_ending_every_session_and_token()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var newEmail = Members.NewEmail();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PutAsJsonAsync("/api/v1/me/email", new { email = newEmail, currentPassword = member.Password })).StatusCode);
        var confirm = await app.Mail.NextLinkTokenAsync(newEmail, "/account/confirm-email-change");
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/email/change/confirm", new { token = confirm, email = newEmail })).StatusCode);

        var notice = await app.Mail.NextAsync(member.Email, "Your sign-in email address was changed");
        Assert.Contains(newEmail, notice.Body, StringComparison.Ordinal);
        var revert = SmtpSink.LinkTokenIn(notice, "/account/revert-email");

        // The page shows a button; opening the link changes nothing by itself (SEC-04).
        using (var browser = new Browser(app))
        {
            var (page, _) = await browser.GetAsync("/account/revert-email?token=" + Uri.EscapeDataString(revert));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        Assert.Equal(newEmail, (await (await client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("email").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/email/revert", new { token = revert })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        var again = await anonymous.PostAsJsonAsync("/api/v1/account/email/revert", new { token = revert });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        // The owner signs in with the restored address and is sent a link to choose a new password.
        var token = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = member.Email, password = member.Password, name = "back" });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        using var back = app.Api((await token.JsonAsync()).GetProperty("token").GetString());
        var me = await (await back.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(member.Email, me.GetProperty("email").GetString());
        Assert.True(me.GetProperty("emailConfirmed").GetBoolean());
        Assert.False(string.IsNullOrEmpty(await app.Mail.NextLinkTokenAsync(member.Email, "/account/reset-password")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = newEmail, password = member.Password, name = "gone" })).StatusCode);
    }

    [Fact]
    public async Task SEC05_turning_the_second_factor_off_needs_the_password_and_a_current_code_and_closes_the_console()
    {
        var (browser, key) = await Operators.ConsoleSessionAsync(app);
        using var _ = browser;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator")).Response.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        var bare = await browser.SubmitAsync("/settings/two-factor", "Turn off");
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Contains("Enter your current password.", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var passwordOnly = await browser.SubmitAsync("/settings/two-factor", "Turn off", new() { ["CurrentPassword"] = Operators.Password });
        Assert.Equal(HttpStatusCode.OK, passwordOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator")).Response.StatusCode);

        var off = await browser.SubmitAsync("/settings/two-factor", "Turn off",
            new() { ["CurrentPassword"] = Operators.Password, ["Totp"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var console = (await browser.GetAsync("/operator")).Response;
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Contains("/account/access-denied", console.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

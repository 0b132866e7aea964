namespace Tradehall.Tests.Accounts;

public sealed class AccountChangesApiTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private async Task<HttpStatusCode> TokenStatus(string email, string password)
    {
        using var client = app.Api();
        return (await client.PostAsJsonAsync("/api/v1/tokens", new { email, password, name = "check" })).StatusCode;
    }

    [Fact]
    public async Task ACC08_password_reset_by_emailed_link_works_once()
    {
        var member = await Members.RegisterAsync(app);
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/account/password/forgot", new { email = member.Email })).StatusCode);
        var token = await app.Mail.NextLinkTokenAsync(member.Email, "/account/reset-password");
        const string newPassword = "Birch plywood shipment 18mm";
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", new { token, password = newPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatus(member.Email, member.Password));
        Assert.Equal(HttpStatusCode.Created, await TokenStatus(member.Email, newPassword));
        var again = await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", new { token, password = "Another birch plywood 21mm" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("token", out _));
    }

    [Fact]
    public async Task ACC08_reset_refuses_a_common_password_and_keeps_the_link_usable()
    {
        var member = await Members.RegisterAsync(app);
        using var anonymous = app.Api();
        await anonymous.PostAsJsonAsync("/api/v1/account/password/forgot", new { email = member.Email });
        var token = await app.Mail.NextLinkTokenAsync(member.Email, "/account/reset-password");
        var weak = await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", new { token, password = "password123" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", new { token, password = "Pellets ENplus A1 in big bags" })).StatusCode);
    }

    [Fact]
    public async Task ACC08_forgot_password_for_an_unknown_address_answers_the_same()
    {
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/account/password/forgot", new { email = "nobody-at-all@example.com" })).StatusCode);
    }

    [Fact]
    public async Task ACC08_password_change_needs_the_current_password()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var wrong = await client.PutAsJsonAsync("/api/v1/me/password", new { currentPassword = "not my password", newPassword = "Kraft liner 125 gsm rolls" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/me/password", new { currentPassword = member.Password, newPassword = "Kraft liner 125 gsm rolls" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, await TokenStatus(member.Email, "Kraft liner 125 gsm rolls"));
    }

    [Fact]
    public async Task ACC08_email_change_takes_effect_only_when_the_new_address_confirms()
    {
        var member = await Members.RegisterAsync(app);
        var newEmail = Members.NewEmail();
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PutAsJsonAsync("/api/v1/me/email", new { email = newEmail, currentPassword = member.Password })).StatusCode);
        Assert.Equal(member.Email, (await (await client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("email").GetString());
        var token = await app.Mail.NextLinkTokenAsync(newEmail, "/account/confirm-email-change");
        using var anonymous = app.Api();
        var wrongAddress = await anonymous.PostAsJsonAsync("/api/v1/account/email/change/confirm", new { token, email = "someone-else@example.com" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongAddress.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/email/change/confirm", new { token, email = newEmail })).StatusCode);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(newEmail, me.GetProperty("email").GetString());
        Assert.True(me.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, await TokenStatus(newEmail, member.Password));
    }

    [Fact]
    public async Task ACC08_phone_change_is_confirmed_by_a_code_sent_to_the_new_number()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var newPhone = Members.NewPhone();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PutAsJsonAsync("/api/v1/me/phone", new { phone = newPhone, currentPassword = member.Password })).StatusCode);
        Assert.Equal(member.Phone, (await (await client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("phone").GetString());
        var code = await app.Sms.NextCodeAsync(newPhone);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/account/phone/confirm", new { code })).StatusCode);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(newPhone, me.GetProperty("phone").GetString());
        Assert.True(me.GetProperty("phoneConfirmed").GetBoolean());
    }

    [Fact]
    public async Task ACC04_phone_of_another_account_cannot_be_taken_over()
    {
        var owner = await Members.RegisterAsync(app);
        var other = await Members.RegisterAsync(app);
        using var client = app.Api(other.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/phone", new { phone = owner.Phone, currentPassword = other.Password });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

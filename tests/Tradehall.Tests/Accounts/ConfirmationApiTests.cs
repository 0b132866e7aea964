using Tradehall.Core.Archive;

namespace Tradehall.Tests.Accounts;

public sealed class ConfirmationApiTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static async Task<HttpResponseMessage> ConfirmPhone(HttpClient client, string code) =>
        await client.PostAsJsonAsync("/api/v1/account/phone/confirm", new { code });

    private static string Wrong(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACC03_code_from_the_SMS_confirms_the_phone()
    {
        var member = await Members.RegisterAsync(app);
        var code = await app.Sms.NextCodeAsync(member.Phone);
        Assert.Matches("^[0-9]{6}$", code);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmPhone(client, code)).StatusCode);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.True(me.GetProperty("phoneConfirmed").GetBoolean());
        var actions = await app.WithDb(db => db.Set<ArchiveRecord>().Where(r => r.ActorId == member.Id).Select(r => r.Action).ToListAsync());
        Assert.Contains("account.phone_confirmed", actions);
    }

    [Fact]
    public async Task SEC02_a_used_code_does_not_work_twice()
    {
        var member = await Members.RegisterAsync(app);
        var code = await app.Sms.NextCodeAsync(member.Phone);
        using var client = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmPhone(client, code)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmPhone(client, code)).StatusCode);
    }

    [Fact]
    public async Task ACC03_fifth_wrong_code_is_the_last_try_then_429_even_for_the_right_code()
    {
        var member = await Members.RegisterAsync(app);
        var code = await app.Sms.NextCodeAsync(member.Phone);
        using var client = app.Api(member.Token);
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await ConfirmPhone(client, Wrong(code));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        }
        var blocked = await ConfirmPhone(client, code);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("account.phone_code_tries", (await blocked.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ACC03_code_expires_after_ten_minutes()
    {
        using var own = new TradehallApp();
        var member = await Members.RegisterAsync(own);
        var code = await own.Sms.NextCodeAsync(member.Phone);
        own.Clock.Advance(TimeSpan.FromMinutes(10));
        using var client = own.Api(member.Token);
        var response = await ConfirmPhone(client, code);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("account.phone_code_expired", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ACC03_resend_inside_sixty_seconds_is_429_and_after_it_sends_a_new_code_that_replaces_the_old()
    {
        using var own = new TradehallApp();
        var member = await Members.RegisterAsync(own);
        var first = await own.Sms.NextCodeAsync(member.Phone);
        using var client = own.Api(member.Token);
        own.Clock.Advance(TimeSpan.FromSeconds(59));
        var early = await client.PostAsync("/api/v1/account/phone/resend", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.True(early.Headers.RetryAfter is not null);
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/account/phone/resend", null)).StatusCode);
        var second = await own.Sms.NextCodeAsync(member.Phone);
        if (second != first)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmPhone(client, first)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmPhone(client, second)).StatusCode);
    }

    [Fact]
    public async Task ACC02_emailed_link_confirms_the_address_once()
    {
        var member = await Members.RegisterAsync(app);
        var token = await app.Mail.NextLinkTokenAsync(member.Email, "/account/confirm-email");
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/email/confirm", new { token })).StatusCode);
        using var client = app.Api(member.Token);
        Assert.True((await (await client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("emailConfirmed").GetBoolean());
        var reused = await anonymous.PostAsJsonAsync("/api/v1/account/email/confirm", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already been used", (await reused.JsonAsync()).GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SEC02_email_link_expires_after_ten_minutes()
    {
        using var own = new TradehallApp();
        var member = await Members.RegisterAsync(own);
        var token = await own.Mail.NextLinkTokenAsync(member.Email, "/account/confirm-email");
        own.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var anonymous = own.Api();
        var response = await anonymous.PostAsJsonAsync("/api/v1/account/email/confirm", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", (await response.JsonAsync()).GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SEC02_made_up_email_token_is_refused()
    {
        using var anonymous = app.Api();
        var response = await anonymous.PostAsJsonAsync("/api/v1/account/email/confirm", new { token = "not-a-real-token" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;

namespace Tradehall.Tests.Accounts;

public sealed class TokenApiTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private async Task<HttpResponseMessage> CreateToken(string email, string password, string? totp = null)
    {
        using var client = app.Api();
        return await client.PostAsJsonAsync("/api/v1/tokens", new { email, password, name = "integration", totp });
    }

    [Fact]
    public async Task ACC12_token_from_email_and_password_opens_the_api()
    {
        var member = await Members.RegisterAsync(app);
        var response = await CreateToken(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("expiresAt").GetDateTime() > app.Clock.GetUtcNow().UtcDateTime);
        using var client = app.Api(body.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ACC12_tokens_are_stored_only_as_hashes()
    {
        var member = await Members.RegisterAsync(app);
        var stored = await app.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Core.Accounts.Tokens.ApiToken>().Where(t => t.MemberId == member.Id)));
        Assert.All(stored, t => Assert.DoesNotContain(member.Token, t.TokenHash, StringComparison.Ordinal));
        Assert.All(stored, t => Assert.Equal(64, t.TokenHash.Length));
    }

    [Fact]
    public async Task ACC05_wrong_password_is_401_without_saying_which_part_was_wrong()
    {
        var member = await Members.RegisterAsync(app);
        var wrong = await CreateToken(member.Email, "not the password at all");
        var unknown = await CreateToken("nobody-" + member.Email, member.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await wrong.JsonAsync()).GetProperty("title").GetString(), (await unknown.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ACC05_fourth_failure_is_401_fifth_locks_for_fifteen_minutes()
    {
        using var own = new TradehallApp();
        var member = await Members.RegisterAsync(own);
        using var client = own.Api();
        async Task<HttpResponseMessage> Try(string password) =>
            await client.PostAsJsonAsync("/api/v1/tokens", new { email = member.Email, password, name = "t" });
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Try("wrong password " + i)).StatusCode);
        }
        var fifth = await Try("wrong password 5");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal("account.locked_out", (await fifth.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Try(member.Password)).StatusCode);
        own.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, (await Try(member.Password)).StatusCode);
    }

    [Fact]
    public async Task SEC06_flood_of_sign_in_attempts_from_one_address_gets_429()
    {
        using var limited = new TradehallApp { Settings = { ["RateLimits:AuthPerMinute"] = "5" } };
        using var client = limited.Api();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/tokens", new { email = $"flood{i}@example.com", password = "whatever password", name = "x" })).StatusCode);
        }
        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var last = await client.PostAsJsonAsync("/api/v1/tokens", new { email = "x@example.com", password = "whatever password", name = "x" });
        Assert.Equal("request.rate_limited", (await last.JsonAsync()).GetProperty("code").GetString());
        Assert.NotNull(last.Headers.RetryAfter);
    }

    [Fact]
    public async Task ACC09_account_with_two_factor_needs_the_totp_for_a_token()
    {
        var member = await Members.RegisterAsync(app);
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var m = (await users.FindByIdAsync(member.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(m);
            key = (await users.GetAuthenticatorKeyAsync(m))!;
            await users.SetTwoFactorEnabledAsync(m, true);
        }
        var without = await CreateToken(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("account.totp_required", (await without.JsonAsync()).GetProperty("code").GetString());
        var wrong = await CreateToken(member.Email, member.Password, "000000" == Totp.Code(key, app.Clock.GetUtcNow()) ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var right = await CreateToken(member.Email, member.Password, Totp.Code(key, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
    }

    [Fact]
    public async Task ACC12_revoked_token_stops_working_at_once()
    {
        var member = await Members.RegisterAsync(app);
        var created = await (await CreateToken(member.Email, member.Password)).JsonAsync();
        using var client = app.Api(member.Token);
        var tokens = await (await client.GetAsync("/api/v1/tokens")).JsonAsync();
        var id = tokens.EnumerateArray().First(t => t.GetProperty("name").GetString() == "integration").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        using var revoked = app.Api(created.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task SEC05_a_member_cannot_revoke_another_members_token()
    {
        var owner = await Members.RegisterAsync(app);
        var other = await Members.RegisterAsync(app);
        using var ownerClient = app.Api(owner.Token);
        var id = (await (await ownerClient.GetAsync("/api/v1/tokens")).JsonAsync())[0].GetProperty("id").GetGuid();
        using var otherClient = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ACC12_token_expires()
    {
        using var own = new TradehallApp();
        var member = await Members.RegisterAsync(own);
        own.Clock.Advance(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1));
        using var client = own.Api(member.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("th_madeup")]
    [InlineData("Basic abc")]
    public async Task SEC05_me_without_a_valid_token_is_401(string? token)
    {
        using var client = app.Api(token);
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

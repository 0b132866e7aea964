using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Tokens;

namespace Tradehall.Tests.Accounts;

/// <summary>ACC-12, SEC-05: what a token may do is what its scopes say, and staff powers need the second factor.</summary>
public sealed class TokenScopeTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private async Task<HttpResponseMessage> IssueAsync(string email, string password, string[]? scopes, string? totp = null)
    {
        using var client = app.Api();
        return await client.PostAsJsonAsync("/api/v1/tokens", new { email, password, name = "scoped", scopes, totp });
    }

    private async Task<string> TokenAsync(TestMember member, params string[] scopes)
    {
        var response = await IssueAsync(member.Email, member.Password, scopes);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }

    private async Task<string> AccountNumberAsync(TestMember member)
    {
        using var client = app.Api(member.Token);
        return (await (await client.GetAsync("/api/v1/billing/account")).JsonAsync()).GetProperty("number").GetString()!;
    }

    private static async Task<HttpResponseMessage> CreditAsync(HttpClient client, string number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/accounts/{number}/credits")
        {
            Content = JsonContent.Create(new { amount = 1000m, reason = "Goodwill credit" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task SEC05_an_operator_without_a_second_factor_gets_no_operator_power_over_the_api()
    {
        var (email, _) = await Operators.CreateAsync(app, Roles.Operator, twoFactor: false);
        var member = await Members.RegisterAsync(app);
        var number = await AccountNumberAsync(member);

        var plain = await IssueAsync(email, Operators.Password, null);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        using var client = app.Api((await plain.JsonAsync()).GetProperty("token").GetString());
        var credit = await CreditAsync(client, number);
        Assert.Equal(HttpStatusCode.Forbidden, credit.StatusCode);
        Assert.Equal("application/problem+json", credit.Content.Headers.ContentType?.MediaType);

        var asked = await IssueAsync(email, Operators.Password, [ApiScopes.Operator]);
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.True((await asked.JsonAsync()).GetProperty("errors").TryGetProperty("scopes", out _));
        using var member1 = app.Api(member.Token);
        Assert.Equal(0m, await Subscribers.BalanceAsync(member1));
    }

    [Fact]
    public async Task SEC05_an_operator_token_issued_with_the_second_factor_credits_an_account()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(await Operators.TokenAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await CreditAsync(client, await AccountNumberAsync(member))).StatusCode);
        using var own = app.Api(member.Token);
        Assert.Equal(1000m, await Subscribers.BalanceAsync(own));
    }

    [Fact]
    public async Task ACC10_a_support_agent_with_a_second_factor_cannot_use_operator_routes()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(await Operators.TokenAsync(app, Roles.Support));
        Assert.Equal(HttpStatusCode.Forbidden, (await CreditAsync(client, await AccountNumberAsync(member))).StatusCode);
    }

    [Fact]
    public async Task ACC12_a_token_gets_403_outside_its_scopes()
    {
        var member = await Members.RegisterAsync(app);
        using var account = app.Api(await TokenAsync(member, ApiScopes.Account));
        Assert.Equal(HttpStatusCode.OK, (await account.GetAsync("/api/v1/me")).StatusCode);
        foreach (var path in new[] { "/api/v1/billing/account", "/api/v1/chats", "/api/v1/me/listings", "/api/v1/contacts", "/api/v1/saved-searches" })
        {
            var response = await account.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await account.PostAsJsonAsync("/api/v1/billing/invoices", new { amount = 100m })).StatusCode);

        using var chats = app.Api(await TokenAsync(member, ApiScopes.Chats));
        Assert.Equal(HttpStatusCode.OK, (await chats.GetAsync("/api/v1/chats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chats.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chats.PutAsJsonAsync("/api/v1/me/email", new { email = "attacker@example.net" })).StatusCode);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData("account,bogus")]
    [InlineData("account,Billing")]
    public async Task ACC12_unknown_or_empty_scope_lists_are_refused_with_400_naming_scopes(string scopes)
    {
        var member = await Members.RegisterAsync(app);
        var response = await IssueAsync(member.Email, member.Password, scopes.Length == 0 ? [] : scopes.Split(','));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("scopes", out _));
        using var client = app.Api(member.Token);
        Assert.Single((await (await client.GetAsync("/api/v1/tokens")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task ACC12_a_member_cannot_hold_the_operator_scope_and_unnamed_scopes_mean_every_member_scope()
    {
        var member = await Members.RegisterAsync(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await IssueAsync(member.Email, member.Password, [ApiScopes.Account, ApiScopes.Operator])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(member.Email, member.Password, null)).StatusCode);
        using var client = app.Api(member.Token);
        var tokens = (await (await client.GetAsync("/api/v1/tokens")).JsonAsync()).EnumerateArray().ToList();
        Assert.All(tokens, t => Assert.Equal(ApiScopes.Member, t.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray()));
    }

    [Fact]
    public async Task SEC03_a_password_reset_ends_every_api_token()
    {
        var member = await Members.RegisterAsync(app);
        var second = await TokenAsync(member, ApiScopes.Marketplace);
        using var anonymous = app.Api();
        await anonymous.PostAsJsonAsync("/api/v1/account/password/forgot", new { email = member.Email });
        var token = await app.Mail.NextLinkTokenAsync(member.Email, "/account/reset-password");
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", new { token, password = "Spruce beams C24 glued" })).StatusCode);
        foreach (var old in new[] { member.Token, second })
        {
            using var client = app.Api(old);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        }
    }

    [Fact]
    public async Task SEC03_a_password_change_ends_every_api_token()
    {
        var member = await Members.RegisterAsync(app);
        var second = await TokenAsync(member, ApiScopes.Account);
        using var client = app.Api(second);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/me/password",
            new { currentPassword = member.Password, newPassword = "Oak parquet 14 mm select" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        using var first = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/me")).StatusCode);
    }
}

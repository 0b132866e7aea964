namespace Tradehall.Tests.Accounts;

/// <summary>ACC-05, SEC-06, SEC-09: the lockout stops guessing without telling which addresses exist or locking the owner out.</summary>
public sealed class LockoutTests
{
    private static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/v1/tokens", new { email, password, name = "t" });

    private static async Task<HttpStatusCode> SignInAsync(Browser browser, string email, string password) =>
        (await browser.SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = email, ["Password"] = password })).StatusCode;

    [Fact]
    public async Task SEC09_an_address_without_an_account_locks_after_as_many_failures_as_a_real_one()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var client = app.Api();
        foreach (var email in new[] { member.Email, "nobody." + member.Email })
        {
            var answers = new List<(HttpStatusCode, string?)>();
            for (var i = 1; i <= 5; i++)
            {
                var response = await TokenAsync(client, email, "wrong password " + i);
                answers.Add((response.StatusCode, (await response.JsonAsync()).GetProperty("code").GetString()));
            }
            Assert.All(answers.Take(4), a => Assert.Equal((HttpStatusCode.Unauthorized, "account.invalid_credentials"), a));
            Assert.Equal((HttpStatusCode.TooManyRequests, "account.locked_out"), answers[4]);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(client, email, "still wrong")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "nobody." + member.Email, "wrong again")).StatusCode);
    }

    [Fact]
    public async Task ACC05_failures_typed_elsewhere_do_not_lock_the_owner_out_of_their_usual_browser()
    {
        using var app = new TradehallApp();
        var member = await Members.RegisterAsync(app);
        using var owner = new Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(owner, member.Email, member.Password));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync("/account/sign-out", "Sign out", pick: f => f.Action.Contains("sign-out", StringComparison.Ordinal))).StatusCode);

        // Someone who knows only the address locks the account for everyone else.
        using var attacker = app.Api();
        for (var i = 1; i <= 5; i++)
        {
            await TokenAsync(attacker, member.Email, "guess " + i);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(attacker, member.Email, member.Password)).StatusCode);
        using var stranger = new Browser(app);
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(stranger, member.Email, member.Password));

        // The browser the owner signed in with before still signs in with the right password...
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(owner, member.Email, member.Password));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/settings")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync("/account/sign-out", "Sign out", pick: f => f.Action.Contains("sign-out", StringComparison.Ordinal))).StatusCode);

        // ...and has a lockout of its own for wrong ones: the fifth locks it, the right password then waits too.
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await SignInAsync(owner, member.Email, "owner typo " + i));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(owner, member.Email, "owner typo 5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(owner, member.Email, member.Password));
        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(owner, member.Email, member.Password));
    }
}

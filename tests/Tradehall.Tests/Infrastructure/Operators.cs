using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Accounts;

namespace Tradehall.Tests.Infrastructure;

public static class Operators
{
    private const string Password = "Operator pass phrase 2026";

    /// <summary>An operator with an authenticator, signed in with both factors, as the console requires (SEC-05).</summary>
    public static async Task<Browser> ConsoleBrowserAsync(TradehallApp app)
    {
        var email = $"ops.{Guid.NewGuid():N}@operator.example.org";
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync(email, Password);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var op = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(op);
            key = (await users.GetAuthenticatorKeyAsync(op))!;
            await users.SetTwoFactorEnabledAsync(op, true);
        }
        var browser = new Browser(app);
        var step = await browser.SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = email, ["Password"] = Password });
        var done = await browser.SubmitAsync(step.Headers.Location!.ToString(), "Continue", new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return browser;
    }

    /// <summary>An operator made the way <c>admin create</c> makes one, with an API token.</summary>
    public static async Task<string> TokenAsync(TradehallApp app)
    {
        var email = $"operator.{Guid.NewGuid():N}@operator.example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync(email, Password);
        }
        using var client = app.Api();
        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { email, password = Password, name = "console" });
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }
}

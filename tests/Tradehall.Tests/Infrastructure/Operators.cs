using Microsoft.AspNetCore.Identity;
using Tradehall.Core.Accounts;

namespace Tradehall.Tests.Infrastructure;

public static class Operators
{
    public const string Password = "Operator pass phrase 2026";

    /// <summary>An operator with an authenticator, signed in with both factors, as the console requires (SEC-05).</summary>
    public static async Task<Browser> ConsoleBrowserAsync(TradehallApp app, string role = Roles.Operator) =>
        (await ConsoleSessionAsync(app, role)).Browser;

    /// <summary>As <see cref="ConsoleBrowserAsync"/>, with the authenticator key for later codes.</summary>
    public static async Task<(Browser Browser, string Key)> ConsoleSessionAsync(TradehallApp app, string role = Roles.Operator)
    {
        var (email, key) = await CreateAsync(app, role, twoFactor: true);
        var browser = new Browser(app);
        var step = await browser.SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = email, ["Password"] = Password });
        var done = await browser.SubmitAsync(step.Headers.Location!.ToString(), "Continue", new() { ["Code"] = Totp.Code(key!, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return (browser, key!);
    }

    /// <summary>An operator made the way <c>admin create</c> makes one, with an API token issued with the second factor (SEC-05).</summary>
    public static async Task<string> TokenAsync(TradehallApp app, string role = Roles.Operator)
    {
        var (email, key) = await CreateAsync(app, role, twoFactor: true);
        using var client = app.Api();
        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { email, password = Password, name = "console", totp = Totp.Code(key!, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }

    /// <summary>A staff account (operator, or support agent when <paramref name="role"/> says so); its authenticator key when 2FA is on.</summary>
    public static async Task<(string Email, string? Key)> CreateAsync(TradehallApp app, string role, bool twoFactor)
    {
        var email = $"{role}.{Guid.NewGuid():N}@operator.example.org";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync(email, Password);
        var staff = (await users.FindByEmailAsync(email))!;
        if (role != Roles.Operator)
        {
            await users.RemoveFromRoleAsync(staff, Roles.Operator);
            await users.AddToRoleAsync(staff, role);
        }
        if (!twoFactor)
        {
            return (email, null);
        }
        await users.ResetAuthenticatorKeyAsync(staff);
        await users.SetTwoFactorEnabledAsync(staff, true);
        return (email, await users.GetAuthenticatorKeyAsync(staff));
    }
}

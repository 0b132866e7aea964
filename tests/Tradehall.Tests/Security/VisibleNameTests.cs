namespace Tradehall.Tests.Security;

/// <summary>SEC-07: names people read — of members, organizations and tokens — cannot be invisible or reversed.</summary>
public sealed class VisibleNameTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    private static async Task AssertNamedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("Anna\u202E")]
    public async Task SEC07_member_organization_and_token_names_must_be_visible_without_direction_controls(string name)
    {
        using var anonymous = app.Api();
        var registration = Members.Registration();
        registration["firstName"] = name;
        await AssertNamedAsync(await anonymous.PostAsJsonAsync("/api/v1/account/register", registration), "firstName");

        var member = await Members.RegisterAsync(app);
        await Network.NetworkSteps.ConfirmAsync(app, member.Id);
        using var client = app.Api(member.Token);
        await AssertNamedAsync(await client.PostAsJsonAsync("/api/v1/organizations", new { name }), "name");
        await AssertNamedAsync(await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = member.Email, password = member.Password, name }), "name");
    }
}

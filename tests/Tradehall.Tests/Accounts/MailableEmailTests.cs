namespace Tradehall.Tests.Accounts;

/// <summary>ACC-02: an address mail cannot reach (a non-ASCII local part or domain) is refused where it is entered.</summary>
public sealed class MailableEmailTests(TradehallApp app) : IClassFixture<TradehallApp>
{
    public static TheoryData<string> Unmailable => new()
    {
        "\u0435ve.{0}@example.org",      // Cyrillic е
        "eve.{0}@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444", // пример.рф
        "j\u00FCrgen.{0}@example.org",
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("Latin letters", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Unmailable))]
    public async Task ACC02_registration_refuses_an_address_mail_cannot_reach(string pattern)
    {
        using var client = app.Api();
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("N")[..8]);
        await AssertRefusedAsync(await client.PostAsJsonAsync("/api/v1/account/register", Members.Registration(email)));
    }

    [Theory]
    [MemberData(nameof(Unmailable))]
    public async Task ACC02_email_change_refuses_an_address_mail_cannot_reach(string pattern)
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("N")[..8]);
        await AssertRefusedAsync(await client.PutAsJsonAsync("/api/v1/me/email", new { email, currentPassword = member.Password }));
    }

    [Fact]
    public async Task ACC02_an_internationalised_domain_in_its_ascii_form_registers()
    {
        await Members.RegisterAsync(app, Members.Registration($"eve.{Guid.NewGuid().ToString("N")[..8]}@xn--e1afmkfd.xn--p1ai"));
    }
}

namespace Tradehall.Tests.Infrastructure;

public sealed record TestMember(Guid Id, string Token, string Email, string Phone, string Password);

/// <summary>Registers members through the public API, the way a client would.</summary>
public static class Members
{
    public const string Password = "Sawn timber 2026 grade A";
    private static int counter;

    public static string NewPhone() => "+7916" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewEmail() => $"member{Interlocked.Increment(ref counter)}.{Guid.NewGuid().ToString("N")[..10]}@example.com";

    public static Dictionary<string, object?> Registration(string? email = null, string? phone = null, string dateOfBirth = "1990-05-17") => new()
    {
        ["email"] = email ?? NewEmail(),
        ["password"] = Password,
        ["firstName"] = "Elena",
        ["lastName"] = "Koroleva",
        ["gender"] = "female",
        ["dateOfBirth"] = dateOfBirth,
        ["city"] = "Arkhangelsk",
        ["phone"] = phone ?? NewPhone(),
        ["acceptTerms"] = true,
        ["acceptPrivacy"] = true,
    };

    public static async Task<TestMember> RegisterAsync(TradehallApp app, Dictionary<string, object?>? body = null)
    {
        body ??= Registration();
        using var client = app.Api();
        var response = await client.PostAsJsonAsync("/api/v1/account/register", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        var root = JsonDocument.Parse(json).RootElement;
        var phone = Core.Accounts.Registration.PhoneRules.ToE164((string)body["phone"]!, "7")!;
        return new TestMember(root.GetProperty("accountId").GetGuid(), root.GetProperty("token").GetString()!, (string)body["email"]!, phone, (string)body["password"]!);
    }
}

using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Moderation;

/// <summary>OPS-02..04: one site on a fake clock for a test class; its tokens outlive the months the tests travel through.</summary>
public sealed class SanctionApp : TradehallApp
{
    public SanctionApp()
    {
        Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
        Settings["Accounts:ApiTokenDays"] = "3650";
        Clock = new(CreditSteps.At(new DateOnly(2026, 3, 10)));
    }
}

internal static class SanctionSteps
{
    public static async Task<HttpResponseMessage> ImposeAsync(TradehallApp app, Guid memberId, object body)
    {
        using var client = app.Api(await Operators.TokenAsync(app));
        return await client.PostAsJsonAsync($"/api/v1/operator/members/{memberId}/sanctions", body);
    }

    public static async Task<Guid> ImposedAsync(TradehallApp app, Guid memberId, object body)
    {
        var response = await ImposeAsync(app, memberId, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> LiftAsync(TradehallApp app, Guid memberId, Guid sanctionId)
    {
        using var client = app.Api(await Operators.TokenAsync(app));
        return await client.DeleteAsync($"/api/v1/operator/members/{memberId}/sanctions/{sanctionId}");
    }

    public static async Task<JsonElement[]> ViolationsAsync(TradehallApp app, TestMember member)
    {
        using var client = app.Api(member.Token);
        return [.. (await (await client.GetAsync("/api/v1/me/violations")).JsonAsync()).EnumerateArray()];
    }

    public static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
}

using System.Globalization;
using Tradehall.Core.Billing.Run;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-12, BIL-13, BIL-25: a site of its own on a fake clock, and the steps the credit and contract tests share.</summary>
internal sealed class CreditApp : TradehallApp
{
    public CreditApp(DateOnly today)
    {
        Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
        // Members' tokens outlive the months these tests travel through.
        Settings["Accounts:ApiTokenDays"] = "3650";
        Clock = new(CreditSteps.At(today));
    }
}

internal static class CreditSteps
{
    /// <summary>Mid-morning in the site's time zone (Moscow, UTC+3), well inside the day.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public static async Task<BillingRunReport> RunAsync(TradehallApp app, DateOnly day)
    {
        app.Clock.AdjustTime(At(day));
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(day, null, CancellationToken.None);
        Assert.NotNull(report);
        return report;
    }

    public static async Task<HttpResponseMessage> SetLimitAsync(TradehallApp app, string number, object limit)
    {
        using var client = app.Api(await Operators.TokenAsync(app));
        return await client.PutAsJsonAsync($"/api/v1/operator/accounts/{number}/credit", new { limit });
    }

    public static async Task<JsonElement> CreditAsync(HttpClient client) => await (await client.GetAsync("/api/v1/billing/credit")).JsonAsync();

    public static async Task<JsonElement> ContractAsync(HttpClient client) => await (await client.GetAsync("/api/v1/billing/contract")).JsonAsync();

    public static async Task<string> StatusAsync(HttpClient client, int service = 0) =>
        (await (await client.GetAsync("/api/v1/billing/services")).JsonAsync())[service].GetProperty("status").GetString()!;

    public static async Task<JsonElement[]> LinesAsync(HttpClient client, string kind) =>
        [.. (await (await client.GetAsync("/api/v1/billing/transactions")).JsonAsync()).EnumerateArray().Where(l => l.GetProperty("kind").GetString() == kind)];

    public static DateOnly? Day(JsonElement element, string property) =>
        element.GetProperty(property).GetString() is { } day ? DateOnly.Parse(day, CultureInfo.InvariantCulture) : null;

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("code", out var code) ? code.GetString() : null;
}

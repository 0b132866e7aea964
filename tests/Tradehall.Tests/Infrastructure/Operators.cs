using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Accounts;

namespace Tradehall.Tests.Infrastructure;

public static class Operators
{
    /// <summary>An operator made the way <c>admin create</c> makes one, with an API token.</summary>
    public static async Task<string> TokenAsync(TradehallApp app)
    {
        var email = $"operator.{Guid.NewGuid():N}@operator.example.org";
        const string password = "Operator pass phrase 2026";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Staff>().CreateOperatorAsync(email, password);
        }
        using var client = app.Api();
        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { email, password, name = "console" });
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }
}

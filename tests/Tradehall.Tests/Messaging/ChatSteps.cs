using Tradehall.Core.Accounts;
using Microsoft.AspNetCore.TestHost;
using Tradehall.Core.Network.Profiles;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Messaging;

public class ChatApp : TradehallApp
{
    public RecordingLiveEvents Live { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Live.AddTo);
    }
}

public static class ChatSteps
{
    /// <summary>A member out of the sandbox (MSG-05): phone confirmed and registered a month before the clock's now.</summary>
    public static async Task<TestMember> TrustedAsync(TradehallApp app)
    {
        var member = await Members.RegisterAsync(app);
        var registered = app.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PhoneNumberConfirmed, true).SetProperty(m => m.RegisteredAt, registered)));
        return member;
    }

    public static Task<string> HandleAsync(TradehallApp app, Guid memberId) =>
        app.WithDb(db => db.Set<Profile>().Where(p => p.MemberId == memberId).Select(p => p.Handle).FirstAsync());

    public static async Task<(Guid ChatId, long MessageId)> StartAsync(TradehallApp app, TestMember from, TestMember to, string text = "Hello, do you sell pine boards?")
    {
        using var client = app.Api(from.Token);
        var response = await client.PostAsJsonAsync("/api/v1/chats", new { to = to.Id.ToString(), text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("chatId").GetGuid(), json.GetProperty("messageId").GetInt64());
    }

    public static async Task<long> SendAsync(TradehallApp app, TestMember from, Guid chatId, string text)
    {
        using var client = app.Api(from.Token);
        var response = await client.PostAsJsonAsync($"/api/v1/chats/{chatId}/messages", new { text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        if (field is not null)
        {
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        if (code is not null)
        {
            Assert.Equal(code, json.GetProperty("code").GetString());
        }
    }
}

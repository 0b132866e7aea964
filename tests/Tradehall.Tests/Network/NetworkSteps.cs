using Tradehall.Core.Accounts;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Network;

public sealed record NetMember(TestMember Member, string Handle)
{
    public Guid Id => Member.Id;
    public string Token => Member.Token;
}

/// <summary>Members with pages, the way the network tests need them.</summary>
public static class NetworkSteps
{
    /// <summary>Gateway payments are accepted, so subscribers can be made for the badge tests.</summary>
    public sealed class App : TradehallApp
    {
        public App() => Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
    }

    public static async Task<NetMember> MemberAsync(TradehallApp app, string firstName = "Elena", string lastName = "Koroleva", bool confirmed = false)
    {
        var body = Members.Registration();
        body["firstName"] = firstName;
        body["lastName"] = lastName;
        var member = await Members.RegisterAsync(app, body);
        if (confirmed)
        {
            await ConfirmAsync(app, member.Id);
        }
        using var client = app.Api(member.Token);
        var page = await (await client.GetAsync("/api/v1/me/page")).JsonAsync();
        return new NetMember(member, page.GetProperty("handle").GetString()!);
    }

    /// <summary>Email and phone confirmed (their own flows are tested in Accounts).</summary>
    public static Task ConfirmAsync(TradehallApp app, Guid memberId) =>
        app.WithDb(db => db.Set<Member>().Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EmailConfirmed, true).SetProperty(m => m.PhoneNumberConfirmed, true)));

    public static async Task<Guid> ConnectAsync(TradehallApp app, NetMember from, NetMember to)
    {
        using var a = app.Api(from.Token);
        var response = await a.PostAsJsonAsync("/api/v1/contacts", new { to = to.Handle });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        using var b = app.Api(to.Token);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/contacts/{id}/accept", null)).StatusCode);
        return id;
    }

    public static async Task SavePageAsync(TradehallApp app, NetMember member, object page)
    {
        using var client = app.Api(member.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/page", page);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

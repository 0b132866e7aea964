using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>SEC-05 over the network's routes: visitors read only what is public, members change only what is theirs.</summary>
public sealed class AccessMatrixTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    [Fact]
    public async Task NET01_NET07_every_changing_or_personal_route_refuses_a_visitor_with_401()
    {
        var owner = await MemberAsync(app, confirmed: true);
        using var o = app.Api(owner.Token);
        var slug = (await (await o.PostAsJsonAsync("/api/v1/organizations", new { name = "Matrix " + owner.Handle })).JsonAsync()).GetProperty("slug").GetString()!;
        var id = Guid.NewGuid();
        using var anonymous = app.Api();
        var calls = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/me/page", null),
            (HttpMethod.Put, "/api/v1/me/page", new { city = "X" }),
            (HttpMethod.Delete, "/api/v1/me/page/photo", null),
            (HttpMethod.Post, $"/api/v1/people/{owner.Handle}/comments", new { text = "x" }),
            (HttpMethod.Delete, $"/api/v1/comments/{id}", null),
            (HttpMethod.Get, "/api/v1/contacts", null),
            (HttpMethod.Post, "/api/v1/contacts", new { to = owner.Handle }),
            (HttpMethod.Post, $"/api/v1/contacts/{id}/accept", null),
            (HttpMethod.Post, $"/api/v1/contacts/{id}/decline", null),
            (HttpMethod.Delete, $"/api/v1/contacts/{id}", null),
            (HttpMethod.Get, $"/api/v1/people/{owner.Handle}/mutual", null),
            (HttpMethod.Get, "/api/v1/blocks", null),
            (HttpMethod.Post, $"/api/v1/blocks/{owner.Handle}", null),
            (HttpMethod.Delete, $"/api/v1/blocks/{owner.Handle}", null),
            (HttpMethod.Post, "/api/v1/organizations", new { name = "X" }),
            (HttpMethod.Put, $"/api/v1/organizations/{slug}", new { name = "X" }),
            (HttpMethod.Post, $"/api/v1/organizations/{slug}/members", new { member = owner.Handle }),
            (HttpMethod.Delete, $"/api/v1/organizations/{slug}/members/{owner.Handle}", null),
            (HttpMethod.Delete, $"/api/v1/organizations/{slug}/members/me", null),
            (HttpMethod.Get, $"/api/v1/organizations/{slug}/invitations", null),
            (HttpMethod.Delete, $"/api/v1/organizations/{slug}/invitations/{id}", null),
            (HttpMethod.Get, "/api/v1/me/organization-invitations", null),
            (HttpMethod.Post, $"/api/v1/me/organization-invitations/{id}/accept", null),
            (HttpMethod.Post, $"/api/v1/me/organization-invitations/{id}/decline", null),
        };
        foreach (var (method, url, body) in calls)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            Assert.True(HttpStatusCode.Unauthorized == (await anonymous.SendAsync(request)).StatusCode, $"{method} {url}");
        }
        foreach (var url in new[] { $"/api/v1/people/{owner.Handle}", $"/api/v1/people/{owner.Handle}/comments", $"/api/v1/organizations/{slug}", "/api/v1/directory?q=matrix" })
        {
            Assert.True(HttpStatusCode.OK == (await anonymous.GetAsync(url)).StatusCode, url);
        }
    }

    [Fact]
    public async Task NET04_an_outsider_sees_nothing_of_other_members_requests_and_cannot_answer_or_remove_them()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app);
        var outsider = await MemberAsync(app);
        using var a = app.Api(alice.Token);
        using var x = app.Api(outsider.Token);
        var id = (await (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(0, (await (await x.GetAsync("/api/v1/contacts")).JsonAsync()).GetArrayLength());
        foreach (var action in new[] { "accept", "decline" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await x.PostAsync($"/api/v1/contacts/{id}/{action}", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await x.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode);
        // The addressee declines rather than deletes a request that is waiting.
        using var b = app.Api(bob.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode);
    }
}

using Tradehall.Core.Accounts;
using Tradehall.Core.Network;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

public sealed class ContactsApiTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    [Fact]
    public async Task NET04_request_accept_list_mutual_and_remove()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app, "Boris", "Sokolov");
        var carol = await MemberAsync(app);
        using var a = app.Api(alice.Token);
        using var b = app.Api(bob.Token);
        using var c = app.Api(carol.Token);

        var response = await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("requested", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetGuid();
        Assert.True(await app.WithDb(db => db.Set<Notification>().AnyAsync(n => n.MemberId == bob.Id && n.Type == NotificationType.ContactRequest && n.ActorId == alice.Id)));

        Assert.Equal(1, (await (await a.GetAsync("/api/v1/contacts?status=outgoing")).JsonAsync()).GetArrayLength());
        var incoming = await (await b.GetAsync("/api/v1/contacts?status=incoming")).JsonAsync();
        Assert.Equal(alice.Handle, incoming[0].GetProperty("member").GetProperty("handle").GetString());

        // Only the addressee answers; the sender and a stranger find nothing there.
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"/api/v1/contacts/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"/api/v1/contacts/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/contacts/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/contacts/{id}/decline", null)).StatusCode);
        Assert.Equal(1, (await (await a.GetAsync("/api/v1/contacts?status=accepted")).JsonAsync()).GetArrayLength());
        Assert.Equal(1, (await (await b.GetAsync("/api/v1/contacts?status=accepted")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await b.GetAsync("/api/v1/contacts?status=everything")).StatusCode);

        // Carol knows both: Alice and Bob have her as a mutual contact.
        await ConnectAsync(app, carol, alice);
        await ConnectAsync(app, carol, bob);
        var mutual = await (await a.GetAsync($"/api/v1/people/{bob.Handle}/mutual")).JsonAsync();
        Assert.Equal(carol.Handle, Assert.Single(mutual.EnumerateArray()).GetProperty("handle").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode);
        Assert.Equal(0, (await (await b.GetAsync("/api/v1/contacts?status=accepted")).JsonAsync()).EnumerateArray().Count(x => x.GetProperty("member").GetProperty("handle").GetString() == alice.Handle));
    }

    [Fact]
    public async Task NET04_declined_request_can_be_sent_again_and_mutual_respects_contacts_visibility()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app);
        using var a = app.Api(alice.Token);
        using var b = app.Api(bob.Token);
        var id = (await (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Id.ToString() })).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/contacts/{id}/decline", null)).StatusCode);
        Assert.Equal(0, (await (await b.GetAsync("/api/v1/contacts")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).StatusCode);

        await SavePageAsync(app, bob, new { contactsVisibility = "private" });
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/people/{bob.Handle}/mutual")).StatusCode);
    }

    [Fact]
    public async Task NET04_self_unknown_duplicate_and_blocked_requests_are_refused_with_clear_problems()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app);
        using var a = app.Api(alice.Token);
        using var b = app.Api(bob.Token);

        var self = await a.PostAsJsonAsync("/api/v1/contacts", new { to = alice.Handle });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal("network.contact_self", (await self.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = "no-such-member-here" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = "" })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await b.PostAsJsonAsync("/api/v1/contacts", new { to = alice.Handle })).StatusCode);

        var carol = await MemberAsync(app);
        using var c = app.Api(carol.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await c.PostAsync($"/api/v1/blocks/{alice.Handle}", null)).StatusCode);
        var blocked = await a.PostAsJsonAsync("/api/v1/contacts", new { to = carol.Handle });
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("network.blocked", (await blocked.JsonAsync()).GetProperty("code").GetString());

        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == bob.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DisabledAt, app.Clock.GetUtcNow().UtcDateTime)));
        var dave = await MemberAsync(app);
        using var d = app.Api(dave.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await d.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).StatusCode);
    }

    [Fact]
    public async Task NET07_blocking_removes_the_contact_and_stops_requests_and_comments_until_unblocked()
    {
        var alice = await MemberAsync(app);
        var bob = await MemberAsync(app);
        using var a = app.Api(alice.Token);
        using var b = app.Api(bob.Token);
        await ConnectAsync(app, alice, bob);

        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsync($"/api/v1/blocks/{bob.Handle}", null)).StatusCode);
        Assert.Equal(0, (await (await a.GetAsync("/api/v1/contacts")).JsonAsync()).GetArrayLength());
        Assert.Equal(bob.Handle, (await (await a.GetAsync("/api/v1/blocks")).JsonAsync())[0].GetProperty("handle").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var network = scope.ServiceProvider.GetRequiredService<INetwork>();
            Assert.True(await network.HasBlockedAsync(alice.Id, bob.Id, CancellationToken.None));
            Assert.False(await network.HasBlockedAsync(bob.Id, alice.Id, CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostAsJsonAsync("/api/v1/contacts", new { to = alice.Handle })).StatusCode);
        var comment = await b.PostAsJsonAsync($"/api/v1/people/{alice.Handle}/comments", new { text = "Hello" });
        Assert.Equal(HttpStatusCode.Forbidden, comment.StatusCode);
        Assert.Equal("network.blocked", (await comment.JsonAsync()).GetProperty("code").GetString());
        // The blocker cannot send a request either while the block stands.
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync("/api/v1/contacts", new { to = bob.Handle })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsync($"/api/v1/blocks/{alice.Handle}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync("/api/v1/blocks/no-such-member-here", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/blocks/{bob.Handle}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await b.PostAsJsonAsync($"/api/v1/people/{alice.Handle}/comments", new { text = "Hello" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await b.PostAsJsonAsync("/api/v1/contacts", new { to = alice.Handle })).StatusCode);
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/blocks/{bob.Handle}", null)).StatusCode);
    }
}

/// <summary>A host with a small limit, so the limit is reached quickly.</summary>
public sealed class ContactRateLimitTests(ContactRateLimitTests.App app) : IClassFixture<ContactRateLimitTests.App>
{
    public sealed class App : TradehallApp
    {
        public App() => Settings["Network:ContactRequestsPerWindow"] = "2";
    }

    [Fact]
    public async Task NET04_new_contact_requests_are_limited_per_member_with_429()
    {
        var sender = await MemberAsync(app);
        using var client = app.Api(sender.Token);
        for (var i = 0; i < 2; i++)
        {
            var to = await MemberAsync(app);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/contacts", new { to = to.Handle })).StatusCode);
        }
        var last = await MemberAsync(app);
        var refused = await client.PostAsJsonAsync("/api/v1/contacts", new { to = last.Handle });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("network.contact_rate_limited", (await refused.JsonAsync()).GetProperty("code").GetString());

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/contacts", new { to = last.Handle })).StatusCode);
    }
}

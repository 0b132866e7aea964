using Tradehall.Core.Accounts;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

public sealed class PersonalPageApiTests(NetworkSteps.App app) : IClassFixture<NetworkSteps.App>
{
    private static readonly object Mixed = new
    {
        city = "Arkhangelsk", cityVisibility = "public",
        position = "Timber buyer", company = "North Wood", workVisibility = "contacts",
        education = "Forestry academy", educationVisibility = "contacts",
        about = "Only for me", aboutVisibility = "private",
        photoVisibility = "public", contactsVisibility = "private",
    };

    private static string? Field(JsonElement page, string name) =>
        page.GetProperty(name).ValueKind == JsonValueKind.Null ? null : page.GetProperty(name).ToString();

    [Fact]
    public async Task NET01_each_field_is_shown_by_its_visibility_to_owner_contact_member_and_visitor()
    {
        var owner = await MemberAsync(app);
        var contact = await MemberAsync(app);
        var other = await MemberAsync(app);
        await SavePageAsync(app, owner, Mixed);
        await ConnectAsync(app, contact, owner);

        async Task<JsonElement> View(string? token)
        {
            using var client = app.Api(token);
            var response = await client.GetAsync($"/api/v1/people/{owner.Handle}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.JsonAsync();
        }

        var own = await View(owner.Token);
        Assert.Equal(("Arkhangelsk", "North Wood", "Forestry academy", "Only for me"), (Field(own, "city"), Field(own, "company"), Field(own, "education"), Field(own, "about")));
        Assert.Equal("1", Field(own, "contactsCount"));
        Assert.Equal("owner", own.GetProperty("viewer").GetProperty("relation").GetString());

        var seenByContact = await View(contact.Token);
        Assert.Equal(("Arkhangelsk", "North Wood", "Forestry academy"), (Field(seenByContact, "city"), Field(seenByContact, "company"), Field(seenByContact, "education")));
        Assert.Null(Field(seenByContact, "about"));
        Assert.Null(Field(seenByContact, "contactsCount"));

        foreach (var page in new[] { await View(other.Token), await View(null) })
        {
            Assert.Equal("Arkhangelsk", Field(page, "city"));
            Assert.Null(Field(page, "position"));
            Assert.Null(Field(page, "company"));
            Assert.Null(Field(page, "education"));
            Assert.Null(Field(page, "about"));
            Assert.Null(Field(page, "contactsCount"));
        }
    }

    [Fact]
    public async Task NET01_unknown_and_disabled_pages_are_404_and_only_the_owner_edits()
    {
        var owner = await MemberAsync(app);
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/people/nobody-here-at-all")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/v1/me/page", Mixed)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/page")).StatusCode);

        // The edit route takes no member id, so nobody can reach another member's page (SEC-05); extra fields are refused.
        using var client = app.Api(owner.Token);
        var response = await client.PutAsJsonAsync("/api/v1/me/page", new { city = "X", handle = "taken" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await client.PutAsJsonAsync("/api/v1/me/page", new { city = new string('a', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("city", out _));

        await app.WithDb(db => db.Set<Member>().Where(m => m.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DisabledAt, app.Clock.GetUtcNow().UtcDateTime)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/people/{owner.Handle}")).StatusCode);
    }

    [Fact]
    public async Task NET03_comments_notify_the_owner_and_are_deleted_by_owner_or_author_only()
    {
        var owner = await MemberAsync(app);
        var author = await MemberAsync(app, "Boris", "Sokolov");
        var other = await MemberAsync(app);
        using var byAuthor = app.Api(author.Token);
        using var byOther = app.Api(other.Token);
        using var byOwner = app.Api(owner.Token);

        var created = await byAuthor.PostAsJsonAsync($"/api/v1/people/{owner.Handle}/comments", new { text = "Good partner" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var second = (await (await byAuthor.PostAsJsonAsync($"/api/v1/people/{owner.Handle}/comments", new { text = "Second" })).JsonAsync()).GetProperty("id").GetGuid();
        var notified = await app.WithDb(db => db.Set<Notification>().Where(n => n.MemberId == owner.Id && n.Type == NotificationType.PageComment).ToListAsync());
        Assert.Equal(2, notified.Count);
        Assert.Equal("Boris Sokolov", notified[0].ActorName);

        Assert.Equal(HttpStatusCode.BadRequest, (await byAuthor.PostAsJsonAsync($"/api/v1/people/{owner.Handle}/comments", new { text = "  " })).StatusCode);
        var tooLong = await byAuthor.PostAsJsonAsync($"/api/v1/people/{owner.Handle}/comments", new { text = new string('x', 2001) });
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/people/{owner.Handle}/comments", new { text = "hi" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await byOther.DeleteAsync($"/api/v1/comments/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await byAuthor.DeleteAsync($"/api/v1/comments/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await byOwner.DeleteAsync($"/api/v1/comments/{second}")).StatusCode);
        var left = await (await anonymous.GetAsync($"/api/v1/people/{owner.Handle}/comments")).JsonAsync();
        Assert.Equal(0, left.GetArrayLength());
    }

    [Fact]
    public async Task NET08_badges_are_phone_confirmed_and_subscriber_and_paying_buys_no_check_badge()
    {
        var plain = await MemberAsync(app);
        var subscriber = await Subscribers.CreateAsync(app, 5000m);
        await Subscribers.OrderFirstAsync(app, subscriber.Member);
        await ConfirmAsync(app, subscriber.Member.Id);
        using var client = app.Api();
        var plainBadges = (await (await client.GetAsync($"/api/v1/people/{plain.Handle}")).JsonAsync()).GetProperty("badges");
        Assert.False(plainBadges.GetProperty("phoneConfirmed").GetBoolean());
        Assert.False(plainBadges.GetProperty("subscriber").GetBoolean());

        var handle = await app.WithDb(db => db.Set<Core.Network.Profiles.Profile>().Where(p => p.MemberId == subscriber.Member.Id).Select(p => p.Handle).SingleAsync());
        var badges = (await (await client.GetAsync($"/api/v1/people/{handle}")).JsonAsync()).GetProperty("badges");
        Assert.True(badges.GetProperty("phoneConfirmed").GetBoolean());
        Assert.True(badges.GetProperty("subscriber").GetBoolean());
        // A paying subscriber gets exactly the two badges with a source; nothing says "checked by the operator".
        Assert.Equal(["phoneConfirmed", "subscriber"], badges.EnumerateObject().Select(p => p.Name).ToArray());
        var html = await client.GetStringAsync($"/u/{handle}");
        Assert.Contains("Subscriber", html, StringComparison.Ordinal);
        Assert.Contains("Paying says nothing about checks of their data.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("checked by the operator", html, StringComparison.OrdinalIgnoreCase);
    }
}

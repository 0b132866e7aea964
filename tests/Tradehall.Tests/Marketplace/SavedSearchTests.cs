using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Notifications;
using Tradehall.Tests.Billing;

namespace Tradehall.Tests.Marketplace;

public sealed class SavedSearchTests(PaymentsApiTests.App app) : IClassFixture<PaymentsApiTests.App>
{
    private async Task<TestMember> SubscriberAsync()
    {
        var subscriber = await Subscribers.CreateAsync(app, 100_000, kind: "marketplace");
        await Subscribers.OrderFirstAsync(app, subscriber.Member, "marketplace");
        return subscriber.Member;
    }

    private async Task<int> RunAlertsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SavedSearchAlerts>().RunAsync(CancellationToken.None);
    }

    private Task<List<Notification>> AlertsAsync(Guid memberId) => app.WithDb(db => db.Set<Notification>().AsNoTracking()
        .Where(n => n.MemberId == memberId && n.Type == NotificationType.SavedSearch).OrderBy(n => n.CreatedAt).ToListAsync());

    [Fact]
    public async Task MKT04_a_member_without_the_marketplace_subscription_cannot_save_a_search()
    {
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        var response = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Spruce", query = new { q = "spruce" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(SavedSearches.SubscriptionRequired, (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Empty((await (await client.GetAsync("/api/v1/saved-searches")).JsonAsync()).EnumerateArray());
        using var anonymous = app.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/saved-searches")).StatusCode);
    }

    [Fact]
    public async Task MKT04_a_subscriber_saves_lists_switches_and_deletes_searches_and_nobody_else_touches_them()
    {
        var member = await SubscriberAsync();
        using var client = app.Api(member.Token);
        var bad = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "", query = new { type = "sale", category = 999999 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("query.type", out _));
        Assert.True(errors.TryGetProperty("query.category", out _));

        var created = await client.PostAsJsonAsync("/api/v1/saved-searches",
            new { name = "EUR boards", query = new { q = "boards", category = 10, currency = "EUR", minPrice = 100.50m } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var list = await (await client.GetAsync("/api/v1/saved-searches")).JsonAsync();
        var one = Assert.Single(list.EnumerateArray());
        Assert.Equal("EUR boards", one.GetProperty("name").GetString());
        Assert.Equal(10, one.GetProperty("query").GetProperty("category").GetInt32());
        Assert.Equal(100.50m, one.GetProperty("query").GetProperty("minPrice").GetDecimal());
        Assert.True(one.GetProperty("alerts").GetBoolean());

        var other = await Members.RegisterAsync(app);
        using var stranger = app.Api(other.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/saved-searches/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/saved-searches/{id}/alerts", new { alerts = false })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/saved-searches/{id}/alerts", new { alerts = false })).StatusCode);
        Assert.False((await (await client.GetAsync("/api/v1/saved-searches")).JsonAsync())[0].GetProperty("alerts").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/saved-searches/{id}")).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/v1/saved-searches")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task MKT04_NTF01_an_alert_tells_once_about_each_new_match()
    {
        var member = await SubscriberAsync();
        var seller = await Members.RegisterAsync(app);
        var old = await SearchData.AddAsync(app, seller.Id, new SeedListing("Larch decking old", "Siberian larch.", ListingType.Offer, 20, "RU", "RUB", 300_000, 3));
        using var client = app.Api(member.Token);
        var created = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Larch", query = new { q = "larch", country = "RU" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var off = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Larch quietly", query = new { q = "larch" }, alerts = false });
        Assert.Equal(HttpStatusCode.Created, off.StatusCode);

        // Nothing new yet: what was there when the search was saved is not announced.
        await RunAlertsAsync();
        Assert.Empty(await AlertsAsync(member.Id));

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await SearchData.AddAsync(app, seller.Id, new SeedListing("Larch decking 28x140", "Kiln dried.", ListingType.Offer, 20, "RU", "RUB", 320_000, 0));
        await SearchData.AddAsync(app, seller.Id, new SeedListing("Larch decking, Finland", "Kiln dried.", ListingType.Offer, 20, "FI", "EUR", 3_000, 0));
        await SearchData.AddAsync(app, seller.Id, new SeedListing("Pine decking", "Kiln dried.", ListingType.Offer, 20, "RU", "RUB", 150_000, 0));
        await RunAlertsAsync();
        var alerts = await AlertsAsync(member.Id);
        var alert = Assert.Single(alerts);
        Assert.Equal("Larch", alert.ActorName);
        Assert.Equal("Larch decking 28x140", alert.Excerpt);
        Assert.StartsWith("/listings?q=larch", alert.Link, StringComparison.Ordinal);

        // The same matches are not announced again.
        await RunAlertsAsync();
        Assert.Single(await AlertsAsync(member.Id));

        await SearchData.AddAsync(app, seller.Id, new SeedListing("Larch beams", "Dry.", ListingType.Offer, 13, "RU", "RUB", 500_000, 0));
        await RunAlertsAsync();
        alerts = await AlertsAsync(member.Id);
        Assert.Equal(2, alerts.Count);
        Assert.Equal("Larch beams", alerts[1].Excerpt);
        Assert.NotEqual(Guid.Empty, old);

        // The alert is emailed too, as the preferences for saved-search alerts say by default.
        await app.Mail.NextAsync(member.Email, "New listings for your saved search: Larch");
        await app.Mail.NextAsync(member.Email, "New listings for your saved search: Larch");
    }
}

using Microsoft.Extensions.Hosting;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Marketplace.ListingSteps;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-01, MKT-05: validity, warnings, renewal and highlighting over time, with the fake clock.</summary>
public sealed class ListingExpiryTests(ListingSteps.App app) : IClassFixture<ListingSteps.App>
{
    private Task<bool> IndexedAsync(Guid id) => app.WithDb(db => db.Set<ListingSearchEntry>().AnyAsync(e => e.ListingId == id));

    private Task<int> NotificationsAsync(Guid memberId, NotificationType type) =>
        app.WithDb(db => db.Set<Notification>().CountAsync(n => n.MemberId == memberId && n.Type == type));

    private Task<ListingStatus> StatusAsync(Guid id) => app.WithDb(db => db.Set<Listing>().Where(l => l.Id == id).Select(l => l.Status).SingleAsync());

    [Fact]
    public async Task MKT01_a_listing_expires_on_day_60_leaves_the_index_and_the_owner_is_told()
    {
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);
        app.Clock.Advance(TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1));
        await RunExpiryAsync(app);
        Assert.Equal(ListingStatus.Active, await StatusAsync(id));
        Assert.True(await IndexedAsync(id));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunExpiryAsync(app);
        Assert.Equal(ListingStatus.Expired, await StatusAsync(id));
        Assert.False(await IndexedAsync(id));
        Assert.Equal(1, await NotificationsAsync(owner.Id, NotificationType.ListingExpired));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/listings/{id}")).StatusCode);
        var email = (await app.Mail.NextAsync(owner.Email, "Your listing expired")).Body;
        Assert.Contains($"/listings/{id}", email, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MKT01_RUN03_the_expiry_worker_runs_its_round_when_the_clock_passes_its_interval()
    {
        using var site = new TradehallApp { PeriodicJobs = [typeof(ListingExpiryWorker)] };
        var owner = await Members.RegisterAsync(site);
        var id = await PostedAsync(site, owner);
        var worker = site.Services.GetServices<IHostedService>().OfType<ListingExpiryWorker>().Single();

        // The worker's timer runs on the site's clock: moving it past the listing's 60 days fires the round, no test runs it.
        site.Clock.Advance(TimeSpan.FromDays(60) + TimeSpan.FromMinutes(1));
        await worker.RoundsEndedAsync(1, CancellationToken.None).WaitAsync(Arrival.Patience);
        Assert.Equal(ListingStatus.Expired, await site.WithDb(db => db.Set<Listing>().Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
        Assert.Contains($"/listings/{id}", (await site.Mail.NextAsync(owner.Email, "Your listing expired")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MKT01_the_owner_is_warned_once_before_expiry_by_notification_and_email()
    {
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner, "Pellets ENplus A1, big bags");
        app.Clock.Advance(TimeSpan.FromDays(54));
        await RunExpiryAsync(app);
        Assert.Equal(0, await NotificationsAsync(owner.Id, NotificationType.ListingExpiring));

        app.Clock.Advance(TimeSpan.FromDays(2));
        await RunExpiryAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await RunExpiryAsync(app);
        Assert.Equal(1, await NotificationsAsync(owner.Id, NotificationType.ListingExpiring));
        Assert.Equal(ListingStatus.Active, await StatusAsync(id));
        var email = (await app.Mail.NextAsync(owner.Email, "Your listing expires soon")).Body;
        Assert.Contains("Pellets ENplus A1, big bags", email, StringComparison.Ordinal);
        using var client = app.Api(owner.Token);
        var mine = (await (await client.GetAsync("/api/v1/me/listings")).JsonAsync()).GetProperty("items")[0];
        Assert.True(mine.GetProperty("expiresSoon").GetBoolean());
    }

    [Fact]
    public async Task MKT01_renewal_extends_validity_from_now_and_warns_again_next_time()
    {
        var owner = await Members.RegisterAsync(app);
        var id = await PostedAsync(app, owner);
        app.Clock.Advance(TimeSpan.FromDays(58));
        await RunExpiryAsync(app);
        Assert.Equal(1, await NotificationsAsync(owner.Id, NotificationType.ListingExpiring));

        using var client = app.Api(owner.Token);
        var renewed = await client.PostAsync($"/api/v1/listings/{id}/renew", null);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(60), (await renewed.JsonAsync()).GetProperty("expiresAt").GetDateTime(), TimeSpan.FromSeconds(1));

        app.Clock.Advance(TimeSpan.FromDays(10));
        await RunExpiryAsync(app);
        Assert.Equal(ListingStatus.Active, await StatusAsync(id));
        app.Clock.Advance(TimeSpan.FromDays(46));
        await RunExpiryAsync(app);
        Assert.Equal(2, await NotificationsAsync(owner.Id, NotificationType.ListingExpiring));
    }

    [Fact]
    public async Task MKT01_MKT05_an_expired_listing_renews_to_active_only_within_the_plan()
    {
        var owner = await Members.RegisterAsync(app);
        var expired = await PostedAsync(app, owner, "Old offer");
        app.Clock.Advance(TimeSpan.FromDays(61));
        await RunExpiryAsync(app);
        Assert.Equal(ListingStatus.Expired, await StatusAsync(expired));

        using var client = app.Api(owner.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/listings/{expired}/renew", null)).StatusCode);
        Assert.Equal(ListingStatus.Active, await StatusAsync(expired));
        Assert.True(await IndexedAsync(expired));

        await PostedAsync(app, owner, "Second");
        await PostedAsync(app, owner, "Third");
        app.Clock.Advance(TimeSpan.FromDays(61));
        await RunExpiryAsync(app);
        owner = await SignInAgainAsync(app, owner);
        using var later = app.Api(owner.Token);
        var ids = await app.WithDb(db => db.Set<Listing>().Where(l => l.OwnerId == owner.Id).Select(l => l.Id).ToListAsync());
        await PostedAsync(app, owner, "New 1");
        await PostedAsync(app, owner, "New 2");
        await PostedAsync(app, owner, "New 3");
        var refused = await later.PostAsync($"/api/v1/listings/{ids[0]}/renew", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("marketplace.listing_limit", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(ListingStatus.Expired, await StatusAsync(ids[0]));
    }

    [Fact]
    public async Task MKT05_highlighting_follows_the_subscription_as_it_starts_and_ends()
    {
        var subscriber = await Subscribers.CreateAsync(app, 10_000m, kind: "marketplace");
        var id = await PostedAsync(app, subscriber.Member);
        Task<bool> HighlightedAsync() => app.WithDb(db => db.Set<ListingSearchEntry>().Where(e => e.ListingId == id).Select(e => e.Highlighted).SingleAsync());
        Assert.False(await HighlightedAsync());

        using var client = app.Api(subscriber.Member.Token);
        Assert.True((await Subscribers.OrderAsync(client, subscriber.Tariff)).IsSuccessStatusCode);
        await RunExpiryAsync(app);
        Assert.True(await HighlightedAsync());

        await app.WithDb(db => db.Set<SubscribedService>().Where(s => s.MemberId == subscriber.Member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ServiceStatus.Suspended)));
        await RunExpiryAsync(app);
        Assert.False(await HighlightedAsync());
    }
}

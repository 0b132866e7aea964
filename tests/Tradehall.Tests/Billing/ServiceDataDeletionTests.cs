using System.Globalization;
using Tradehall.Core.Analytics.Reviews;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Marketplace.Search;
using static Tradehall.Tests.Billing.CatalogueSteps;
using static Tradehall.Tests.Billing.BillingDays;
using App = Tradehall.Tests.Billing.BillingDays.App;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-11 on a fake clock: the end of the grace period really deletes what the subscription kept, and only that member's.</summary>
public sealed class ServiceDataDeletionTests
{
    private static readonly DateOnly Start = new(2026, 2, 1);
    private static readonly DateOnly SuspendedOn = new(2026, 3, 1);

    /// <summary>A member holding <paramref name="kind"/> with money for <paramref name="periods"/> periods and, for the marketplace, a saved search with alerts.</summary>
    private static async Task<(TestSubscriber Subscriber, HttpClient Client)> SubscribedAsync(TradehallApp app, string kind, decimal periods)
    {
        var probe = await Subscribers.CreateAsync(app, 0m, kind: kind);
        var client = app.Api(probe.Member.Token);
        await Subscribers.TopUpAsync(app, probe.Number, probe.Price * periods);
        Assert.Equal(HttpStatusCode.Created, (await Subscribers.OrderAsync(client, probe.Tariff)).StatusCode);
        if (kind == "marketplace")
        {
            var saved = await client.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Pine boards", query = new { q = "pine" }, alerts = true });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }
        return (probe, client);
    }

    private static Task<int> SavedSearchesAsync(TradehallApp app, Guid memberId) =>
        app.WithDb(db => db.Set<SavedSearch>().CountAsync(s => s.MemberId == memberId));

    [Fact]
    public async Task BIL11_the_end_of_grace_deletes_that_members_saved_searches_and_alerts_after_a_warning_that_says_so()
    {
        using var app = new App(Start);
        var (lapsed, lapsedClient) = await SubscribedAsync(app, "marketplace", 1);
        var (paying, payingClient) = await SubscribedAsync(app, "marketplace", 5);
        var (reader, readerClient) = await SubscribedAsync(app, "price-review", 1);
        using var _ = lapsedClient;
        using var __ = payingClient;
        using var ___ = readerClient;
        var reviews = await app.WithDb(db => db.Set<PriceReview>().CountAsync());

        await RunAsync(app, SuspendedOn);
        await RunAsync(app, SuspendedOn.AddDays(30));
        var warning = (await app.Mail.NextAsync(lapsed.Member.Email, "Your suspended services will be deleted soon")).Body;
        Assert.Contains("saved searches and their alerts", warning, StringComparison.Ordinal);
        Assert.Contains(SuspendedOn.AddDays(40).ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en")), warning, StringComparison.Ordinal);
        Assert.Contains("archive of price reviews", (await app.Mail.NextAsync(reader.Member.Email, "Your suspended services will be deleted soon")).Body,
            StringComparison.Ordinal);

        await RunAsync(app, SuspendedOn.AddDays(39));
        Assert.Equal(1, await SavedSearchesAsync(app, lapsed.Member.Id));
        Assert.Equal(2, (await RunAsync(app, SuspendedOn.AddDays(40))).Deleted);
        Assert.Equal(0, await SavedSearchesAsync(app, lapsed.Member.Id));
        Assert.Equal(1, await SavedSearchesAsync(app, paying.Member.Id));
        Assert.Single((await (await payingClient.GetAsync("/api/v1/saved-searches")).JsonAsync()).EnumerateArray());

        // The review archive is shared: the reader's access ends with the subscription, the published reviews stay.
        Assert.Equal(HttpStatusCode.Forbidden, (await readerClient.GetAsync("/api/v1/price-reviews")).StatusCode);
        Assert.Equal(reviews, await app.WithDb(db => db.Set<PriceReview>().CountAsync()));
    }

    [Fact]
    public async Task BIL11_saved_searches_stay_while_another_live_marketplace_service_of_the_member_remains()
    {
        using var app = new App(Start);
        var (lapsed, client) = await SubscribedAsync(app, "marketplace", 1);
        using var _ = client;
        await RunAsync(app, SuspendedOn);
        // A second marketplace service that still runs (held outside the one-subscription rule, as a paused or operator-granted one would be).
        await app.WithDb(async db =>
        {
            var first = await db.Set<SubscribedService>().AsNoTracking().SingleAsync(s => s.MemberId == lapsed.Member.Id);
            db.Set<SubscribedService>().Add(new SubscribedService
            {
                MemberId = first.MemberId, BillingAccountId = first.BillingAccountId, TariffId = first.TariffId, KindCode = first.KindCode,
                Status = ServiceStatus.Active, ActivatedOn = SuspendedOn, Period = 1, PeriodStart = SuspendedOn, PeriodEnd = SuspendedOn.AddYears(1),
                AutoRenew = false,
            });
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, (await RunAsync(app, SuspendedOn.AddDays(40))).Deleted);
        Assert.Equal(1, await SavedSearchesAsync(app, lapsed.Member.Id));
    }

    [Fact]
    public async Task BIL11_a_new_kind_takes_its_grace_period_from_a_preset_of_the_options()
    {
        using var app = new App(Start, new Dictionary<string, string?> { ["Billing:GracePresets:vds:GraceDays"] = "25" });
        using var ops = app.Api(await Operators.TokenAsync(app));
        var presets = (await (await ops.GetAsync("/api/v1/operator/catalog/grace-presets")).JsonAsync()).EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (p.GetProperty("graceDays").GetInt32(), p.GetProperty("reserveDays").GetInt32()));
        Assert.Equal("general", presets.Keys.First());
        Assert.Equal((14, 7), presets["general"]);
        Assert.Equal((25, 7), presets["vds"]);

        async Task<(int, int)> CreateAsync(object body)
        {
            var response = await ops.PostAsJsonAsync("/api/v1/operator/catalog/kinds", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var kind = await response.JsonAsync();
            return (kind.GetProperty("graceDays").GetInt32(), kind.GetProperty("reserveDays").GetInt32());
        }
        Assert.Equal((40, 10), await CreateAsync(new { code = NewCode(), nameEn = "Hosting", nameRu = "Хостинг", gracePreset = "web-hosting" }));
        Assert.Equal((20, 7), await CreateAsync(new { code = NewCode(), nameEn = "Mail", nameRu = "Почта", gracePreset = "email" }));
        Assert.Equal((25, 7), await CreateAsync(new { code = NewCode(), nameEn = "VDS", nameRu = "VDS", gracePreset = "vds" }));
        Assert.Equal((1, 1), await CreateAsync(new { code = NewCode(), nameEn = "Dedicated", nameRu = "Выделенный", gracePreset = "dedicated-server" }));
        Assert.Equal((7, 7), await CreateAsync(new { code = NewCode(), nameEn = "Colocation", nameRu = "Колокация", gracePreset = "colocation" }));
        Assert.Equal((14, 7), await CreateAsync(new { code = NewCode(), nameEn = "Other", nameRu = "Другое" }));
        // Days typed by the operator win over the preset's.
        Assert.Equal((30, 10), await CreateAsync(new { code = NewCode(), nameEn = "Big hosting", nameRu = "Большой хостинг", gracePreset = "web-hosting", graceDays = 30 }));

        var kinds = await app.WithDb(db => db.Set<Tradehall.Core.Billing.Catalog.ServiceKind>().CountAsync());
        Assert.Equal(["gracePreset"], await ErrorFieldsAsync(await ops.PostAsJsonAsync("/api/v1/operator/catalog/kinds",
            new { code = NewCode(), nameEn = "Unknown", nameRu = "Неизвестно", gracePreset = "mainframe" })));
        Assert.Equal(kinds, await app.WithDb(db => db.Set<Tradehall.Core.Billing.Catalog.ServiceKind>().CountAsync()));
    }
}

using System.Globalization;
using Tradehall.Core.Archive;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Billing.CatalogueSteps;
using static Tradehall.Tests.Billing.BillingDays;
using App = Tradehall.Tests.Billing.BillingDays.App;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-14 on a fake clock: announcements to exactly the affected subscribers, objections, silent acceptance, the move to a successor.</summary>
public sealed class TariffChangeTests
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A site of its own on 1 June 2026, the operator's client and a kind of service of the operator's.</summary>
    private sealed record Catalogue(App App, HttpClient Ops, string Code, DateOnly Today) : IDisposable
    {
        public void Dispose()
        {
            Ops.Dispose();
            App.Dispose();
        }
    }

    private static async Task<Catalogue> CatalogueAsync()
    {
        var today = new DateOnly(2026, 6, 1);
        var app = new App(today);
        var ops = app.Api(await Operators.TokenAsync(app));
        return new Catalogue(app, ops, await KindAsync(ops), today);
    }

    /// <summary>A member with <paramref name="money"/> on the balance who ordered <paramref name="tariff"/>.</summary>
    private static async Task<(TestMember Member, HttpClient Client)> HolderAsync(TradehallApp app, decimal money, Guid tariff)
    {
        var (member, client) = await SubscriberAsync(app, money);
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(client, tariff)).StatusCode);
        return (member, client);
    }

    private static async Task<List<JsonElement>> ChangesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/billing/tariff-changes")).JsonAsync()).EnumerateArray().ToList();

    private static Task<HttpResponseMessage> ObjectAsync(HttpClient client, Guid change, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/billing/tariff-changes/{change}/object", new { reason });

    private static Task<int> NoticesAsync(TradehallApp app, Guid memberId, string subject) =>
        app.WithDb(db => db.Set<Notification>().CountAsync(n => n.MemberId == memberId && n.Notice!.Contains(subject)));

    private static async Task<SubscribedService> ServiceAsync(TradehallApp app, Guid memberId) =>
        await app.WithDb(db => db.Set<SubscribedService>().AsNoTracking().SingleAsync(s => s.MemberId == memberId));

    [Fact]
    public async Task BIL14_a_change_announced_sooner_than_the_notice_is_refused_naming_the_date_and_nothing_is_announced()
    {
        using var site = await CatalogueAsync();
        var (app, ops, code, today) = site;
        var tariff = await TariffAsync(ops, code, 100m);
        (await HolderAsync(app, 100m, tariff)).Client.Dispose();
        var tariffs = await app.WithDb(db => db.Set<Tariff>().CountAsync());

        Assert.Equal(["effectiveOn"], await ErrorFieldsAsync(await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{tariff}",
            new { price = 120m, effectiveOn = Iso(today.AddDays(9)) })));
        // Members hold the kind, so a new tariff of it is announced ahead too.
        Assert.Equal(["effectiveOn"], await ErrorFieldsAsync(await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs",
            new { name = "Soon", price = 90m, effectiveOn = Iso(today.AddDays(9)) })));

        Assert.Equal(0, await app.WithDb(db => db.Set<TariffChange>().CountAsync()));
        Assert.Equal(tariffs, await app.WithDb(db => db.Set<Tariff>().CountAsync()));
        Assert.Null((await app.WithDb(db => db.Set<Tariff>().SingleAsync(t => t.Id == tariff))).PendingPrice);
    }

    [Fact]
    public async Task BIL14_exactly_the_affected_subscribers_are_told_and_the_operator_sees_the_counts()
    {
        using var site = await CatalogueAsync();
        var (app, ops, code, today) = site;
        var a = await TariffAsync(ops, code, 100m);
        var b = await TariffAsync(ops, code, 200m);
        var (onA, clientA) = await HolderAsync(app, 300m, a);
        var (onB, clientB) = await HolderAsync(app, 300m, b);
        var (stopped, clientStopped) = await HolderAsync(app, 300m, a);
        var (elsewhere, clientElsewhere) = await SubscriberAsync(app, 0m);
        using var _ = clientA;
        using var __ = clientB;
        using var ___ = clientStopped;
        using var ____ = clientElsewhere;
        await app.WithDb(db => db.Set<SubscribedService>().Where(s => s.MemberId == stopped.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Stopped)));

        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{a}", new { price = 110m })).StatusCode);
        var created = await ops.PostAsJsonAsync($"/api/v1/operator/catalog/kinds/{code}/tariffs", new { name = "Plan new", price = 150m });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fresh = (await created.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{b}/close", new { successorTariffId = a })).StatusCode);

        Assert.Equal(["new", "price"], (await ChangesAsync(clientA)).Select(c => c.GetProperty("type").GetString()!).Order().ToArray());
        Assert.Equal(["closed", "new"], (await ChangesAsync(clientB)).Select(c => c.GetProperty("type").GetString()!).Order().ToArray());
        Assert.Empty(await ChangesAsync(clientStopped));
        Assert.Empty(await ChangesAsync(clientElsewhere));
        Assert.Contains("110.00 RUB", (await app.Mail.NextAsync(onA.Email, "The price of your tariff changes")).Body, StringComparison.Ordinal);
        await app.Mail.NextAsync(onA.Email, "A new tariff is coming");
        Assert.Contains("Plan 100", (await app.Mail.NextAsync(onB.Email, "Your tariff is closing")).Body, StringComparison.Ordinal);
        Assert.Equal(0, await NoticesAsync(app, onB.Id, "The price of your tariff changes"));
        Assert.Equal(0, await NoticesAsync(app, onA.Id, "Your tariff is closing"));
        foreach (var member in new[] { stopped, elsewhere })
        {
            Assert.Equal(0, await NoticesAsync(app, member.Id, "tariff"));
        }

        // The new tariff goes on sale on its announced day, not before.
        Assert.Null(await CatalogTariffAsync(clientA, code, fresh));
        app.Clock.SetUtcNow(At(today.AddDays(10)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceCatalog>().ApplyDuePricesAsync(CancellationToken.None);
        }
        Assert.NotNull(await CatalogTariffAsync(clientA, code, fresh));

        var listed = (await (await ops.GetAsync("/api/v1/operator/tariff-changes")).JsonAsync()).EnumerateArray()
            .ToDictionary(c => c.GetProperty("type").GetString()!, c => (c.GetProperty("notified").GetInt32(), c.GetProperty("objected").GetInt32()));
        Assert.Equal((1, 0), listed["price"]);
        Assert.Equal((2, 0), listed["new"]);
        Assert.Equal((1, 0), listed["closed"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await clientA.GetAsync("/api/v1/operator/tariff-changes")).StatusCode);
    }

    [Fact]
    public async Task BIL14_an_objection_inside_the_window_stops_renewal_at_the_change_and_one_after_it_or_without_reasons_is_refused()
    {
        using var site = await CatalogueAsync();
        var (app, ops, code, today) = site;
        var tariff = await TariffAsync(ops, code, 100m);
        var (objector, client) = await HolderAsync(app, 500m, tariff);
        var (late, lateClient) = await HolderAsync(app, 500m, tariff);
        var (_, strangerClient) = await SubscriberAsync(app, 0m);
        using var _ = client;
        using var __ = lateClient;
        using var ___ = strangerClient;
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{tariff}", new { price = 120m })).StatusCode);
        var change = (await ChangesAsync(client)).Single();
        var id = change.GetProperty("id").GetGuid();
        Assert.Equal(Iso(today.AddDays(10)), change.GetProperty("objectionsUntil").GetString());
        Assert.Equal("open", change.GetProperty("status").GetString());

        Assert.Equal(["reason"], await ErrorFieldsAsync(await ObjectAsync(client, id, "  ")));
        Assert.Equal(HttpStatusCode.NotFound, (await ObjectAsync(strangerClient, id, "Not mine")).StatusCode);

        // The last day of the window still takes an objection.
        app.Clock.SetUtcNow(At(today.AddDays(10)));
        var objected = await ObjectAsync(client, id, "The price is too high for us.");
        Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        Assert.Equal("objected", (await objected.JsonAsync()).GetProperty("status").GetString());
        Assert.False((await ServiceAsync(app, objector.Id)).AutoRenew);
        var told = (await app.Mail.NextAsync(objector.Email, "Your objection is recorded")).Body;
        Assert.Contains(today.AddMonths(1).ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en")), told, StringComparison.Ordinal);
        var again = await ObjectAsync(client, id, "Once more.");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("billing.already_objected", (await again.JsonAsync()).GetProperty("code").GetString());

        app.Clock.SetUtcNow(At(today.AddDays(11)));
        var closed = await ObjectAsync(lateClient, id, "Too late, perhaps.");
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("billing.objection_window_closed", (await closed.JsonAsync()).GetProperty("code").GetString());
        Assert.True((await ServiceAsync(app, late.Id)).AutoRenew);
        Assert.Equal(1, await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync(r => r.Action == "billing.tariff_change_objected")));

        // At the period's end the objector's service ends; the silent subscriber's renews at the new price.
        await RunAsync(app, today.AddMonths(1));
        Assert.Equal(ServiceStatus.Stopped, (await ServiceAsync(app, objector.Id)).Status);
        Assert.Equal((ServiceStatus.Active, 2), ((await ServiceAsync(app, late.Id)).Status, (await ServiceAsync(app, late.Id)).Period));
        Assert.Equal(500m - 100m - 120m, await Subscribers.BalanceAsync(lateClient));
        var operatorView = (await (await ops.GetAsync("/api/v1/operator/tariff-changes")).JsonAsync())[0];
        Assert.Equal((2, 1, 1), (operatorView.GetProperty("notified").GetInt32(), operatorView.GetProperty("objected").GetInt32(), operatorView.GetProperty("accepted").GetInt32()));
    }

    [Fact]
    public async Task BIL14_an_objector_whose_period_ends_before_the_change_renews_once_at_the_old_price_then_stops()
    {
        using var site = await CatalogueAsync();
        var (app, ops, code, today) = site;
        var tariff = await TariffAsync(ops, code, 100m);
        var (objector, client) = await HolderAsync(app, 500m, tariff);
        using var _ = client;

        // Announced five days before the period ends: the change comes five days into the next period.
        var periodEnd = today.AddMonths(1);
        app.Clock.SetUtcNow(At(periodEnd.AddDays(-5)));
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{tariff}", new { price = 120m })).StatusCode);
        var id = (await ChangesAsync(client)).Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ObjectAsync(client, id, "We do not accept the new price.")).StatusCode);
        Assert.True((await ServiceAsync(app, objector.Id)).AutoRenew);
        Assert.Contains(periodEnd.AddMonths(1).ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en")),
            (await app.Mail.NextAsync(objector.Email, "Your objection is recorded")).Body, StringComparison.Ordinal);

        await RunAsync(app, periodEnd);
        var renewed = await ServiceAsync(app, objector.Id);
        Assert.Equal((ServiceStatus.Active, 2), (renewed.Status, renewed.Period));
        Assert.Equal(500m - 200m, await Subscribers.BalanceAsync(client));
        await RunAsync(app, periodEnd.AddDays(1));
        Assert.False((await ServiceAsync(app, objector.Id)).AutoRenew);
        await RunAsync(app, periodEnd.AddMonths(1));
        Assert.Equal(ServiceStatus.Stopped, (await ServiceAsync(app, objector.Id)).Status);
        Assert.Equal(300m, await Subscribers.BalanceAsync(client));
    }

    [Fact]
    public async Task BIL14_silence_is_accepted_by_the_run_when_the_window_closes_and_a_rerun_accepts_nothing_twice()
    {
        using var site = await CatalogueAsync();
        var (app, ops, code, today) = site;
        var tariff = await TariffAsync(ops, code, 100m);
        var (_, client) = await HolderAsync(app, 500m, tariff);
        using var __ = client;
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/tariffs/{tariff}", new { price = 120m })).StatusCode);

        Assert.Equal(0, (await RunAsync(app, today.AddDays(10))).TariffChanges!.Accepted);
        Assert.Equal("open", (await ChangesAsync(client)).Single().GetProperty("status").GetString());
        Assert.Equal(1, (await RunAsync(app, today.AddDays(11))).TariffChanges!.Accepted);
        Assert.Equal(0, (await RunAsync(app, today.AddDays(11))).TariffChanges!.Accepted);
        Assert.Equal(0, (await RunAsync(app, today.AddDays(12))).TariffChanges!.Accepted);

        var change = (await ChangesAsync(client)).Single();
        Assert.Equal("accepted", change.GetProperty("status").GetString());
        Assert.Equal(Iso(today.AddDays(11)), change.GetProperty("acceptedOn").GetString());
        Assert.Equal(1, await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync(r => r.Action == "billing.tariff_change_accepted")));
    }

    [Fact]
    public async Task BIL14_a_closed_tariff_is_announced_and_its_subscriber_moves_to_the_successor_on_the_day()
    {
        using var site = await CatalogueAsync();
        var (app, ops, code, today) = site;
        var old = await TariffAsync(ops, code, 200m);
        var successor = await TariffAsync(ops, code, 150m);
        var (member, client) = await HolderAsync(app, 1000m, old);
        using var _ = client;

        // Closed ten days before the period ends, so the move falls on the renewal day itself.
        var periodEnd = today.AddMonths(1);
        app.Clock.SetUtcNow(At(periodEnd.AddDays(-10)));
        Assert.Equal(HttpStatusCode.OK, (await ops.PostAsJsonAsync($"/api/v1/operator/catalog/tariffs/{old}/close", new { successorTariffId = successor })).StatusCode);
        var change = (await ChangesAsync(client)).Single();
        Assert.Equal(("closed", "Plan 150", Iso(periodEnd)),
            (change.GetProperty("type").GetString(), change.GetProperty("successor").GetString(), change.GetProperty("effectiveOn").GetString()));
        Assert.Equal(150m, change.GetProperty("newPrice").GetDecimal());
        await app.Mail.NextAsync(member.Email, "Your tariff is closing");

        await RunAsync(app, periodEnd);
        var service = await ServiceAsync(app, member.Id);
        Assert.Equal((ServiceStatus.Active, successor), (service.Status, service.TariffId));
        Assert.Equal(1000m - 200m - 150m, await Subscribers.BalanceAsync(client));
    }
}

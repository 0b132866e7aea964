using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Tradehall.Core.Billing.Hooks;

namespace Tradehall.Tests.Billing;

/// <summary>
/// BIL-24: a site whose webhook client reaches the network (the receivers of the tests listen on loopback ports) rather
/// than the SMS gateway that stands in for the network under every other client.
/// </summary>
public sealed class HookApp : TradehallApp
{
    public HookApp()
    {
        Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
        // Members' tokens outlive the months these tests travel through.
        Settings["Accounts:ApiTokenDays"] = "3650";
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(HookDispatcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }));
    }
}

/// <summary>What the webhook tests do again and again: a kind with a webhook, a service ordered, a pass of the sender.</summary>
internal static class ProvisioningHookSteps
{
    /// <summary>An operator-defined kind (a tariff of 100) whose webhook is <paramref name="receiver"/>, which learns the secret the platform made.</summary>
    public static async Task<(string Kind, Guid Tariff)> HookKindAsync(TradehallApp app, HookReceiver receiver)
    {
        using var ops = app.Api(await Operators.TokenAsync(app));
        var kind = await CatalogueSteps.KindAsync(ops);
        var tariff = await CatalogueSteps.TariffAsync(ops, kind, 100m);
        var set = await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/hook", new { url = receiver.Url });
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        receiver.Secret = (await set.JsonAsync()).GetProperty("secret").GetString()!;
        return (kind, tariff);
    }

    /// <summary>Orders <paramref name="tariff"/> for a new subscriber with <paramref name="topUp"/> on the balance; the service's id.</summary>
    public static async Task<(Guid Service, TestMember Member, string Number)> OrderedAsync(TradehallApp app, Guid tariff, decimal topUp = 100m)
    {
        var subscriber = await Subscribers.CreateAsync(app, topUp);
        using var client = app.Api(subscriber.Member.Token);
        var order = await Subscribers.OrderAsync(client, tariff);
        Assert.True(order.StatusCode == HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        return ((await order.JsonAsync()).GetProperty("id").GetGuid(), subscriber.Member, subscriber.Number);
    }

    /// <summary>One pass of the sender, as one node's worker runs it.</summary>
    public static async Task<int> PassAsync(TradehallApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HookDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    public static Task<HookDelivery[]> DeliveriesAsync(TradehallApp app, Guid service) =>
        app.WithDb(db => db.Set<HookDelivery>().AsNoTracking().Where(d => d.ServiceId == service).OrderBy(d => d.OccurredAt).ThenBy(d => d.Id).ToArrayAsync());

    public static async Task<HookDelivery> OnlyDeliveryAsync(TradehallApp app, Guid service) => Assert.Single(await DeliveriesAsync(app, service));

    /// <summary>Moves the clock to when the delivery is next due.</summary>
    public static async Task UntilDueAsync(TradehallApp app, Guid delivery)
    {
        var next = await app.WithDb(db => db.Set<HookDelivery>().Where(d => d.Id == delivery).Select(d => d.NextAttemptAt).SingleAsync());
        var wait = DateTime.SpecifyKind(next, DateTimeKind.Utc) - app.Clock.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero)
        {
            app.Clock.Advance(wait);
        }
    }
}

using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Hooks;
using static Tradehall.Tests.Billing.ProvisioningHookSteps;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-24: status changes of operator-defined services reach the kind's webhook, signed, once each, whatever the receiver does.</summary>
public sealed class ProvisioningHookTests(HookApp app) : IClassFixture<HookApp>
{
    private static readonly BillingOptions Defaults = new();

    [Fact]
    public async Task BIL24_activation_sends_exactly_one_signed_post_with_the_service_facts()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (kind, tariff) = await HookKindAsync(app, receiver);
        var (service, _, number) = await OrderedAsync(app, tariff);
        var delivery = await OnlyDeliveryAsync(app, service);

        Assert.Equal(1, await PassAsync(app));
        var call = Assert.Single(receiver.Snapshot());
        Assert.True(call.SignatureValid);
        Assert.Equal(delivery.Id.ToString(), call.DeliveryId);
        Assert.Equal(["id", "action", "serviceId", "kind", "tariff", "memberAccountNumber", "occurredAt"], call.Json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(delivery.Id, call.Json.GetProperty("id").GetGuid());
        Assert.Equal("activate", call.Json.GetProperty("action").GetString());
        Assert.Equal(service, call.Json.GetProperty("serviceId").GetGuid());
        Assert.Equal(kind, call.Json.GetProperty("kind").GetString());
        Assert.Equal(tariff, call.Json.GetProperty("tariff").GetGuid());
        Assert.Equal(number, call.Json.GetProperty("memberAccountNumber").GetString());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, call.Json.GetProperty("occurredAt").GetDateTime().ToUniversalTime());

        // Delivered is final: later passes, however much later, send nothing more.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await PassAsync(app));
        Assert.Single(receiver.Snapshot());
        var done = await OnlyDeliveryAsync(app, service);
        Assert.Equal((HookDeliveryStatus.Delivered, 1, 200), (done.Status, done.Attempts, done.LastStatusCode));
    }

    [Fact]
    public async Task BIL24_a_receiver_answering_500_twice_gets_the_same_delivery_again_after_doubling_waits()
    {
        await using var receiver = await HookReceiver.StartAsync();
        receiver.Answers.Enqueue(500);
        receiver.Answers.Enqueue(500);
        var (_, tariff) = await HookKindAsync(app, receiver);
        var (service, _, _) = await OrderedAsync(app, tariff);
        var id = (await OnlyDeliveryAsync(app, service)).Id;

        await PassAsync(app);
        var first = await OnlyDeliveryAsync(app, service);
        Assert.Equal((HookDeliveryStatus.Pending, 1, 500), (first.Status, first.Attempts, first.LastStatusCode));
        Assert.Equal(Defaults.Hooks.FirstRetryDelay, first.NextAttemptAt - first.LastAttemptAt!.Value);
        // Not due yet: a pass now leaves it alone.
        await PassAsync(app);
        Assert.Single(receiver.Snapshot());

        await UntilDueAsync(app, id);
        await PassAsync(app);
        var second = await OnlyDeliveryAsync(app, service);
        Assert.Equal(2 * Defaults.Hooks.FirstRetryDelay, second.NextAttemptAt - second.LastAttemptAt!.Value);

        await UntilDueAsync(app, id);
        await PassAsync(app);
        var delivered = await OnlyDeliveryAsync(app, service);
        Assert.Equal((HookDeliveryStatus.Delivered, 3, 200), (delivered.Status, delivered.Attempts, delivered.LastStatusCode));
        var calls = receiver.Snapshot();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.True(c.SignatureValid));
        // Every attempt carries the same delivery and the same body: the receiver's idempotency key.
        Assert.Single(calls.Select(c => c.DeliveryId).Distinct());
        Assert.Single(calls.Select(c => c.Body).Distinct());
    }

    [Fact]
    public async Task BIL24_a_receiver_that_hangs_times_out_and_the_attempt_counts_as_failed()
    {
        await using var receiver = await HookReceiver.StartAsync();
        receiver.Answers.Enqueue(HookReceiver.Hang);
        var (_, tariff) = await HookKindAsync(app, receiver);
        var (service, _, _) = await OrderedAsync(app, tariff);
        var id = (await OnlyDeliveryAsync(app, service)).Id;

        var pass = PassAsync(app);
        await receiver.Received.NextAsync(c => c.DeliveryId == id.ToString(), "the first attempt");
        Assert.False(pass.IsCompleted);
        app.Clock.Advance(Defaults.Hooks.Timeout);
        Assert.Equal(1, await pass);
        var timedOut = await OnlyDeliveryAsync(app, service);
        Assert.Equal((HookDeliveryStatus.Pending, 1, (int?)null), (timedOut.Status, timedOut.Attempts, timedOut.LastStatusCode));
        Assert.Equal("No answer within the timeout.", timedOut.LastError);
        Assert.Null(timedOut.LockedUntil);

        await UntilDueAsync(app, id);
        await PassAsync(app);
        Assert.Equal(HookDeliveryStatus.Delivered, (await OnlyDeliveryAsync(app, service)).Status);
        Assert.Equal(2, receiver.Snapshot().Count);
    }

    [Fact]
    public async Task BIL24_a_receiver_down_for_an_hour_gets_the_delivery_once_when_it_is_back()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (_, tariff) = await HookKindAsync(app, receiver);
        await receiver.DownAsync();
        var (service, _, _) = await OrderedAsync(app, tariff);
        var id = (await OnlyDeliveryAsync(app, service)).Id;

        var downSince = app.Clock.GetUtcNow();
        while (app.Clock.GetUtcNow() - downSince < TimeSpan.FromHours(1))
        {
            Assert.Equal(1, await PassAsync(app));
            var failing = await OnlyDeliveryAsync(app, service);
            Assert.Equal(HookDeliveryStatus.Pending, failing.Status);
            Assert.StartsWith("The receiver could not be reached", failing.LastError, StringComparison.Ordinal);
            await UntilDueAsync(app, id);
        }

        await receiver.UpAsync();
        Assert.Equal(1, await PassAsync(app));
        Assert.Equal(HookDeliveryStatus.Delivered, (await OnlyDeliveryAsync(app, service)).Status);
        app.Clock.Advance(Defaults.Hooks.MaxRetryDelay * 3);
        await PassAsync(app);
        var call = Assert.Single(receiver.Snapshot());
        Assert.True(call.SignatureValid);
    }

    [Fact]
    public async Task BIL24_after_the_last_attempt_the_delivery_is_failed_for_the_operator_and_a_replay_delivers_it_under_the_same_id()
    {
        await using var receiver = await HookReceiver.StartAsync();
        receiver.Otherwise = 500;
        var (kind, tariff) = await HookKindAsync(app, receiver);
        var (service, _, _) = await OrderedAsync(app, tariff);
        var id = (await OnlyDeliveryAsync(app, service)).Id;
        for (var attempt = 1; attempt <= Defaults.Hooks.MaxAttempts; attempt++)
        {
            await UntilDueAsync(app, id);
            Assert.Equal(1, await PassAsync(app));
        }
        var failed = await OnlyDeliveryAsync(app, service);
        Assert.Equal((HookDeliveryStatus.Failed, Defaults.Hooks.MaxAttempts, 500), (failed.Status, failed.Attempts, failed.LastStatusCode));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await PassAsync(app));

        using var ops = app.Api(await Operators.TokenAsync(app));
        var log = await (await ops.GetAsync($"/api/v1/operator/provisioning/deliveries?status=failed&kind={kind}")).JsonAsync();
        Assert.Equal(1, log.GetProperty("total").GetInt32());
        var listed = log.GetProperty("items")[0];
        Assert.Equal((id, "failed", Defaults.Hooks.MaxAttempts, 500), (listed.GetProperty("id").GetGuid(), listed.GetProperty("status").GetString(),
            listed.GetProperty("attempts").GetInt32(), listed.GetProperty("lastStatusCode").GetInt32()));

        receiver.Otherwise = 200;
        var replay = await ops.PostAsync($"/api/v1/operator/provisioning/deliveries/{id}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("pending", (await replay.JsonAsync()).GetProperty("status").GetString());
        // A delivery still being tried is not replayed on top of itself.
        var twice = await ops.PostAsync($"/api/v1/operator/provisioning/deliveries/{id}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("billing.hook_delivery_pending", await CreditSteps.CodeAsync(twice));
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostAsync($"/api/v1/operator/provisioning/deliveries/{Guid.NewGuid()}/replay", null)).StatusCode);

        Assert.Equal(1, await PassAsync(app));
        var delivered = await OnlyDeliveryAsync(app, service);
        Assert.Equal((HookDeliveryStatus.Delivered, 1, 1), (delivered.Status, delivered.Attempts, delivered.Replays));
        var calls = receiver.Snapshot();
        Assert.Equal(Defaults.Hooks.MaxAttempts + 1, calls.Count);
        Assert.All(calls, c => Assert.Equal(id.ToString(), c.DeliveryId));
        var page = await (await ops.GetAsync($"/api/v1/operator/provisioning/deliveries?status=delivered&kind={kind}")).JsonAsync();
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BIL24_two_workers_racing_never_send_a_delivery_twice()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (_, tariff) = await HookKindAsync(app, receiver);
        var subscriber = await Subscribers.CreateAsync(app, 600m);
        using var client = app.Api(subscriber.Member.Token);
        var services = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var order = await Subscribers.OrderAsync(client, tariff);
            services.Add((await order.JsonAsync()).GetProperty("id").GetGuid());
        }

        var attempted = await Task.WhenAll(PassAsync(app), PassAsync(app), PassAsync(app));
        Assert.Equal(6, attempted.Sum());
        var calls = receiver.Snapshot();
        Assert.Equal(6, calls.Count);
        Assert.Equal(6, calls.Select(c => c.DeliveryId).Distinct().Count());
        foreach (var service in services)
        {
            var delivery = await OnlyDeliveryAsync(app, service);
            Assert.Equal((HookDeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
        }
    }

    [Fact]
    public async Task BIL24_the_billing_run_queues_suspend_for_a_kind_with_a_webhook_and_nothing_for_built_in_kinds()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (_, tariff) = await HookKindAsync(app, receiver);
        var subscriber = await Subscribers.CreateAsync(app, 100m + 2490m);
        using var client = app.Api(subscriber.Member.Token);
        var hooked = (await (await Subscribers.OrderAsync(client, tariff)).JsonAsync()).GetProperty("id").GetGuid();
        var (builtIn, _) = await Subscribers.OrderFirstAsync(app, subscriber.Member);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

        var report = await CreditSteps.RunAsync(app, today.AddMonths(1));
        Assert.True(report.Suspended >= 2);
        Assert.Equal(["activate", "suspend"], (await DeliveriesAsync(app, hooked)).Select(d => d.Action).ToArray());
        Assert.Empty(await DeliveriesAsync(app, builtIn));

        while (await PassAsync(app) > 0)
        {
        }
        Assert.Equal(["activate", "suspend"], receiver.Snapshot().Select(c => c.Json.GetProperty("action").GetString()!).ToArray());

        // Paying resumes both; only the operator-defined one is told.
        await Subscribers.TopUpAsync(app, subscriber.Number, 100m + 2490m);
        await CreditSteps.RunAsync(app, today.AddMonths(1).AddDays(1));
        Assert.Equal(["activate", "suspend", "resume"], (await DeliveriesAsync(app, hooked)).Select(d => d.Action).ToArray());
        Assert.Empty(await DeliveriesAsync(app, builtIn));
    }

    [Fact]
    public async Task BIL24_BIL20_pausing_and_resuming_a_service_tell_the_webhook_once_each()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (_, tariff) = await HookKindAsync(app, receiver);
        var (service, member, _) = await OrderedAsync(app, tariff);
        using var client = app.Api(member.Token);
        foreach (var verb in new[] { "pause", "pause", "resume", "resume" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/billing/services/{service}/{verb}");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        // Asking again for the state the service is in changes nothing, so it tells nothing either.
        Assert.Equal(["activate", "pause", "unpause"], (await DeliveriesAsync(app, service)).Select(d => d.Action).ToArray());
        while (await PassAsync(app) > 0)
        {
        }
        Assert.Equal(["activate", "pause", "unpause"], receiver.Snapshot().Select(c => c.Json.GetProperty("action").GetString()!).ToArray());
    }

    [Fact]
    public async Task BIL24_SEC10_the_secret_is_shown_once_kept_encrypted_and_renewed_on_request()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (kind, _) = await HookKindAsync(app, receiver);
        using var ops = app.Api(await Operators.TokenAsync(app));
        var shown = await (await ops.GetAsync($"/api/v1/operator/catalog/kinds/{kind}/hook")).JsonAsync();
        Assert.Equal((receiver.Url.AbsoluteUri, true, null), (shown.GetProperty("url").GetString(), shown.GetProperty("secretSet").GetBoolean(), shown.GetProperty("secret").GetString()));
        var stored = await app.WithDb(db => db.Set<ServiceKind>().Where(k => k.Code == kind).Select(k => k.HookSecret).SingleAsync());
        Assert.DoesNotContain(receiver.Secret, stored!, StringComparison.Ordinal);

        // Changing the URL keeps the secret; asking for a new one replaces it, and the next call is signed with it.
        var moved = await (await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/hook", new { url = receiver.Url })).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, moved.GetProperty("secret").ValueKind);
        var renewed = await (await ops.PostAsync($"/api/v1/operator/catalog/kinds/{kind}/hook/secret", null)).JsonAsync();
        var secret = renewed.GetProperty("secret").GetString()!;
        Assert.NotEqual(receiver.Secret, secret);
        receiver.Secret = secret;
        var kinds = await (await ops.GetAsync("/api/v1/operator/catalog/kinds")).JsonAsync();
        Assert.Equal(receiver.Url.AbsoluteUri, kinds.EnumerateArray().Single(k => k.GetProperty("code").GetString() == kind).GetProperty("hookUrl").GetString());
    }

    [Fact]
    public async Task BIL24_a_bad_webhook_address_is_refused_naming_the_url_and_nothing_changes()
    {
        using var ops = app.Api(await Operators.TokenAsync(app));
        var kind = await CatalogueSteps.KindAsync(ops);
        foreach (var url in new[] { "ftp://hooks.example.com/x", "http://hooks.example.com/x", "not an address", "https://user:pass@hooks.example.com/x",
            "https://hooks.example.com/" + new string('a', 500) })
        {
            Assert.Equal(["url"], await CatalogueSteps.ErrorFieldsAsync(await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/hook", new { url })));
        }
        Assert.Equal(["url"], await CatalogueSteps.ErrorFieldsAsync(
            await ops.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{ServiceCatalog.Analytics}/hook", new { url = "https://hooks.example.com/x" })));
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PutAsJsonAsync("/api/v1/operator/catalog/kinds/no-such-kind/hook", new { url = "https://hooks.example.com/x" })).StatusCode);
        Assert.Equal(["status"], await CatalogueSteps.ErrorFieldsAsync(await ops.GetAsync("/api/v1/operator/provisioning/deliveries?status=lost")));
        var kinds = await app.WithDb(db => db.Set<ServiceKind>().Where(k => k.Code == kind || k.Code == ServiceCatalog.Analytics).ToListAsync());
        Assert.All(kinds, k => Assert.Equal((null, null), (k.HookUrl, k.HookSecret)));

        var member = await Members.RegisterAsync(app);
        using var stranger = app.Api(member.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/v1/operator/provisioning/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsJsonAsync($"/api/v1/operator/catalog/kinds/{kind}/hook", new { url = "https://hooks.example.com/x" })).StatusCode);
    }
}

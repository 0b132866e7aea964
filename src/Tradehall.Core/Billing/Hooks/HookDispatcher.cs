using System.Net.Http.Headers;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Hooks;

/// <summary>BIL-24: the JSON body of a delivery, the same on every attempt.</summary>
public sealed record HookBody(Guid Id, string Action, Guid ServiceId, string Kind, Guid Tariff, string MemberAccountNumber, DateTime OccurredAt);

/// <summary>
/// BIL-24: sends due webhook deliveries. Each is claimed with a lease (<see cref="RowLeases"/>) before it is sent, so several
/// nodes, or several passes, never send the same attempt at once; a 2xx answer ends it for good, anything else (another
/// status, a refused connection, no answer within <see cref="ProvisioningHookOptions.Timeout"/>) is a failed attempt
/// retried with doubling waits, until <see cref="ProvisioningHookOptions.MaxAttempts"/> make it failed for the operator.
/// </summary>
public sealed partial class HookDispatcher(
    AppDbContext db, HookSecrets secrets, IHttpClientFactory httpClients, TimeProvider time, IOptions<BillingOptions> options, ILogger<HookDispatcher> logger)
{
    public const string ClientName = "provisioning-hooks";
    public const string DeliveryHeader = "X-Tradehall-Delivery";
    public const string TimestampHeader = "X-Tradehall-Timestamp";
    public const string SignatureHeader = "X-Tradehall-Signature";

    // Beyond the answer's timeout, the time to record the outcome before another node may take the row.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends one batch of due deliveries; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Hooks;
        var now = time.UtcNow();
        var due = await db.Set<HookDelivery>()
            .Where(d => d.Status == HookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(o.BatchSize).ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var id in due)
        {
            // The lease counts from the claim, not from the start of the pass, which may have spent a timeout per delivery before it.
            var claimedAt = time.UtcNow();
            if (!await db.Set<HookDelivery>().TryClaimAsync(id, d => d.Status == HookDeliveryStatus.Pending && d.NextAttemptAt <= claimedAt, claimedAt,
                o.Timeout + LeaseMargin, cancellationToken))
            {
                continue;
            }
            attempted++;
            var delivery = await db.Set<HookDelivery>().SingleAsync(d => d.Id == id, cancellationToken);
            var kind = await db.Set<ServiceKind>().AsNoTracking().FirstOrDefaultAsync(k => k.Code == delivery.KindCode, cancellationToken);
            if (kind is { HookUrl: { } url, HookSecret: { } secret })
            {
                var (code, error) = await SendAsync(delivery, url, secrets.Reveal(secret), cancellationToken);
                Record(delivery, code, error, final: delivery.Attempts + 1 >= o.MaxAttempts, o);
            }
            else
            {
                // Nowhere to send it: retrying cannot help until the operator sets a URL and replays it.
                Record(delivery, null, "The kind has no webhook URL any more.", final: true, o);
            }
            delivery.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return attempted;
    }

    /// <summary>One POST; the status code of the answer, and what went wrong when it was no 2xx.</summary>
    private async Task<(int? Code, string? Error)> SendAsync(HookDelivery delivery, string url, string secret, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new HookBody(delivery.Id, delivery.Action, delivery.ServiceId, delivery.KindCode, delivery.TariffId,
            delivery.AccountNumber, DateTime.SpecifyKind(delivery.OccurredAt, DateTimeKind.Utc)), Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, "sha256=" + HookSecrets.Sign(secret, timestamp, body));
        // The timeout runs on the site's clock, so it is the same clock the retries are planned on.
        using var timeout = new CancellationTokenSource(options.Value.Hooks.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, "The receiver answered with an error.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, "No answer within the timeout.");
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, delivery.Id, e.HttpRequestError);
            return (null, "The receiver could not be reached.");
        }
    }

    private void Record(HookDelivery delivery, int? code, string? error, bool final, ProvisioningHookOptions o)
    {
        var now = time.UtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = code;
        delivery.LastError = error;
        if (error is null)
        {
            delivery.Status = HookDeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            return;
        }
        LogAttemptFailed(logger, delivery.Id, delivery.KindCode, delivery.Attempts, code);
        if (final)
        {
            delivery.Status = HookDeliveryStatus.Failed;
            delivery.FailedAt = now;
            return;
        }
        delivery.NextAttemptAt = now + RowLeases.Backoff(o.FirstRetryDelay, delivery.Attempts, o.MaxRetryDelay);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} could not reach the receiver: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, Guid deliveryId, HttpRequestError reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} of kind {Kind} failed on attempt {Attempt} (status {StatusCode})")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, string kind, int attempt, int? statusCode);
}

/// <summary>BIL-24, RUN-03: every <see cref="ProvisioningHookOptions.PollInterval"/> each node sends what is due; the row leases keep them apart.</summary>
public sealed class HookWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<BillingOptions> options, ILogger<HookWorker> logger)
    : PeriodicJobWorker<HookDispatcher>(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.Hooks.PollInterval;

    protected override bool RoundAtStart => true;

    protected override async Task RunAsync(HookDispatcher job, CancellationToken cancellationToken)
    {
        while (await job.DeliverDueAsync(cancellationToken) > 0)
        {
        }
    }
}

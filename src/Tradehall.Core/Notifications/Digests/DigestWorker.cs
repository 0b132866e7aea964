namespace Tradehall.Core.Notifications.Digests;

/// <summary>NTF-03, RUN-03: every <see cref="NotificationsOptions.DigestInterval"/> one node of the cluster, holding the lease, sends the due digests.</summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationsOptions> options, ILogger<DigestWorker> logger)
    : PeriodicJobWorker<Digest>(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.DigestInterval;

    protected override (string Name, TimeSpan Duration)? Lease => (Digest.JobName, TimeSpan.FromMinutes(5));

    protected override Task RunAsync(Digest job, CancellationToken cancellationToken) => job.RunDueAsync(cancellationToken);
}

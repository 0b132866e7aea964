namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02, RUN-03: every node checks each <see cref="AnalyticsOptions.ReviewCheckInterval"/> whether last month's
/// reviews are due, and once at start; the job lease and its recorded month make one node of the cluster do it, once.
/// </summary>
public sealed class PriceReviewWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AnalyticsOptions> options, ILogger<PriceReviewWorker> logger)
    : PeriodicJobWorker<PriceReviews>(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReviewCheckInterval;

    protected override bool Enabled => options.Value.Reviews;

    // A site started for the first time (or after a downtime over the 1st) fills its archive now, not an interval later.
    protected override bool RoundAtStart => true;

    protected override Task RunAsync(PriceReviews job, CancellationToken cancellationToken) => job.RunDueAsync(cancellationToken);
}

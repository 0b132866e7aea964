namespace Tradehall.Core.Billing.Run;

/// <summary>
/// On every node: resumes paid-up services as soon as money arrives and at least every
/// <see cref="BillingRunOptions.ResumeInterval"/> (BIL-10), and starts the day's billing run once the
/// local time passes <see cref="BillingRunOptions.At"/> — the lease and the recorded day make one node run it once.
/// </summary>
public sealed class BillingWorker(
    IServiceScopeFactory scopes, ResumptionSignal signal, TimeProvider time, IOptions<BillingOptions> options,
    IOptions<TradehallOptions> site, ILogger<BillingWorker> logger) : SignalledWorker(signal, logger)
{
    protected override TimeSpan Interval => options.Value.Run.ResumeInterval;

    protected override async Task RoundAsync(CancellationToken cancellationToken)
    {
        var today = time.Today(site.Value.Zone);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Resumption>().ResumePaidUpAsync(today, cancellationToken);
        }
        var o = options.Value.Run;
        var localTime = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), site.Value.Zone).DateTime);
        if (!o.Daily || localTime < o.At)
        {
            return;
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            if (await leases.CompletedForAsync(BillingRun.JobName, cancellationToken) is { } last && last >= today)
            {
                return;
            }
            await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(today, null, cancellationToken);
        }
    }
}

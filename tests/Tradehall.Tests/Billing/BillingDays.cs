using Tradehall.Core.Billing.Run;

namespace Tradehall.Tests.Billing;

/// <summary>Tests of the daily billing run: a site of its own on a fake clock (a run bills every service due), and the run of a day.</summary>
internal static class BillingDays
{
    public sealed class App : TradehallApp
    {
        public App(DateOnly today, IReadOnlyDictionary<string, string?>? settings = null)
        {
            Settings["Billing:Gateway:Secret"] = PaymentsApiTests.Secret;
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                Settings[key] = value;
            }
            Clock = new(At(today));
        }
    }

    /// <summary>Mid-morning in the site's time zone (Moscow, UTC+3), well inside the day.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>The run of <paramref name="day"/>, with the clock set to that morning.</summary>
    public static async Task<BillingRunReport> RunAsync(TradehallApp app, DateOnly day)
    {
        app.Clock.SetUtcNow(At(day));
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<BillingRun>().RunAsync(day, null, CancellationToken.None);
        Assert.NotNull(report);
        return report;
    }
}

namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// The one place a test polls: for what only a process outside the test decides — a child process's progress in its
/// database, a database server's own workers — where there is nothing to await. Everything inside the test process is
/// awaited instead (<see cref="Arrivals{T}"/>, the app's own signals). Checks come quickly at first, then less often.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan FirstStep = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestStep = TimeSpan.FromMilliseconds(250);

    public static async Task UntilAsync(Func<Task<bool>> done, string what, TimeSpan within)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var step = FirstStep; !await done(); step = Next(step))
        {
            if (TimeProvider.System.GetElapsedTime(started) > within)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds} s for {what}.");
            }
            await Task.Delay(step);
        }
    }

    /// <summary>As <see cref="UntilAsync"/>, for a caller that cannot await (a synchronous Dispose).</summary>
    public static void Until(Func<bool> done, string what, TimeSpan within)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var step = FirstStep; !done(); step = Next(step))
        {
            if (TimeProvider.System.GetElapsedTime(started) > within)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds} s for {what}.");
            }
            Thread.Sleep(step);
        }
    }

    private static TimeSpan Next(TimeSpan step) => step * 2 < LongestStep ? step * 2 : LongestStep;
}

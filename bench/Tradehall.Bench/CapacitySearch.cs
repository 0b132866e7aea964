namespace Tradehall.Bench;

/// <summary>How the capacity is searched: seconds of warm-up before the first step, each step's warm-up and window, the
/// highest rate tried, how many bisection steps refine between the last passing and the first failing rate, and how
/// many times a failing rate of the ladder is tried again before it counts as failed.</summary>
internal sealed record CapacitySettings(int Warmup, int StepWarmup, int StepSeconds, int MaxRate, int Refine, int Retries);

/// <summary>
/// An engine's capacity: the highest passing rate (0 when none passed) and the step measured at it — or, when none
/// passed, at the lowest rate tried, so the figures still say what one search costs — and the searches not answered
/// well over the whole search, warm-up included.
/// </summary>
internal sealed record Capacity(string Engine, int Rate, LoadStep At, int Failures)
{
    public bool Passed => Rate > 0;
}

/// <summary>
/// The capacity rule: the highest arrival rate whose p95 stays within 50 ms with every answer good. The rate climbs a
/// fixed ladder until the first rate that fails, then bisects between the last pass and that failure. The machine is
/// shared, and a burst of other work can fail one step far below the capacity: a failing rate of the ladder is tried
/// again (<see cref="CapacitySettings.Retries"/>) and fails only if it fails every time.
/// </summary>
internal static class CapacitySearch
{
    private static readonly int[] Ladder = [10, 20, 50, 100, 200, 300, 400, 500, 700, 1000, 1400, 2000, 2800, 4000, 5600, 8000, 11000, 16000];

    private const int WarmupRate = 50;

    public static async Task<Capacity> FindAsync(string engine, OpenLoop loop, IReadOnlyList<MixQuery> mix, CapacitySettings settings,
        CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync($"search: {engine}: warm-up, {settings.Warmup} s at {WarmupRate}/s");
        await loop.RunAsync(WarmupRate, TimeSpan.FromSeconds(settings.Warmup), TimeSpan.Zero, cancellationToken);
        var steps = new List<LoadStep>();
        async Task<LoadStep> Step(int rate)
        {
            var step = await loop.RunAsync(rate, TimeSpan.FromSeconds(settings.StepWarmup), TimeSpan.FromSeconds(settings.StepSeconds), cancellationToken);
            steps.Add(step);
            Report(engine, step);
            return step;
        }

        LoadStep? pass = null;
        int? fail = null;
        foreach (var rate in Ladder.Where(r => r <= settings.MaxRate))
        {
            var step = await Step(rate);
            for (var retry = 0; retry < settings.Retries && !step.Passed; retry++)
            {
                await Console.Error.WriteLineAsync($"search: {engine}: {rate}/s failed; once more, to tell it from a burst of other work");
                step = await Step(rate);
            }
            if (!step.Passed)
            {
                fail = rate;
                break;
            }
            pass = step;
        }
        for (var i = 0; i < settings.Refine && fail is { } high; i++)
        {
            var low = pass?.Rate ?? 0;
            var mid = Round((low + high) / 2.0);
            if (mid <= low || mid >= high)
            {
                break;
            }
            var step = await Step(mid);
            if (step.Passed)
            {
                pass = step;
            }
            else
            {
                fail = mid;
            }
        }
        if (fail is null)
        {
            await Console.Error.WriteLineAsync($"search: {engine}: every rate up to {settings.MaxRate}/s passed; the capacity is at least that");
        }
        var at = pass ?? steps.MinBy(s => s.Rate)!;
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"search: {engine}: capacity {pass?.Rate ?? 0}/s (p95 ≤ {LoadStep.GoalP95Ms} ms); the costliest searches at {at.Rate}/s:"));
        foreach (var q in at.PerQuery.OrderByDescending(q => q.P95).Take(6))
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"search: {engine}:   {mix[q.Query].Label}: n={q.Count} p50={q.P50:F1} ms p95={q.P95:F1} ms"));
        }
        return new Capacity(engine, pass?.Rate ?? 0, at, loop.Failures);
    }

    /// <summary>A rate between two others, rounded to a step that still tells them apart.</summary>
    private static int Round(double rate)
    {
        var grain = rate switch { >= 1000 => 50, >= 200 => 10, >= 40 => 5, _ => 1 };
        return (int)(Math.Round(rate / grain) * grain);
    }

    private static void Report(string engine, LoadStep s)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"search: {engine}: rate={s.Rate}/s p50={s.P50:F1} ms p95={s.P95:F1} ms answered={s.PerSecond:F0}/s");
        // No search of the window answered: the step stopped before one was.
        line += double.IsNaN(s.CpuMs) ? " cpu=n/a" : string.Create(CultureInfo.InvariantCulture, $" cpu={s.CpuMs:F2} ms a search");
        if (!double.IsNaN(s.ServerCpuMs))
        {
            line += string.Create(CultureInfo.InvariantCulture, $" (server {s.ServerCpuMs:F2})");
        }
        if (s.Failures > 0)
        {
            line += $" failed={s.Failures}";
        }
        if (s.Overloaded)
        {
            line += $" stopped as overloaded, {s.Abandoned} searches left in the queue";
        }
        Console.Error.WriteLine(line + (s.Passed ? " pass" : " fail"));
    }
}

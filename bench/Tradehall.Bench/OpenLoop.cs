using System.Threading.Channels;

namespace Tradehall.Bench;

/// <summary>One search of the mix (<paramref name="query"/>, an index into it) on the connection of <paramref name="worker"/>; true when answered well.</summary>
internal delegate ValueTask<bool> SearchCall(int worker, int query, CancellationToken cancellationToken);

/// <summary>A query of the mix at one rate: how often it ran in the window and its latencies.</summary>
internal sealed record QueryFigures(int Query, int Count, double P50, double P95);

/// <summary>
/// What one arrival rate measured over its window: the searches scheduled in it, those answered well, failed (an error
/// or an answer other than 200) and abandoned (still queued when the step was stopped as overloaded, counted with the
/// time they had waited, a lower bound); latencies from each search's scheduled send time; the CPU per answered search
/// (<c>CpuMs</c> everything — this process and the database server's processes — and <c>ServerCpuMs</c> the server's share).
/// </summary>
internal sealed record LoadStep(
    int Rate, int Scheduled, int Answered, int Failures, int Abandoned, double PerSecond, double P50, double P95, double CpuMs, double ServerCpuMs,
    bool Overloaded, IReadOnlyList<QueryFigures> PerQuery)
{
    public const double GoalP95Ms = 50;

    public bool Passed => !Overloaded && Failures == 0 && Answered > 0 && P95 <= GoalP95Ms;
}

/// <summary>
/// Open loop: search n of a step is due at its start + n / rate, whether or not earlier ones were answered — a
/// dedicated thread queues each at its time. A pool of <c>workers</c> takes them in order, each with a connection of
/// its own, and sends the next as soon as it is free; when none is free a search waits in the queue, and its latency
/// still counts from the time it was due, so a slow answer cannot hold back the searches behind it from being
/// measured (no coordinated omission). A step is a short warm-up at its rate and a measured window; only searches due
/// in the window count, and the CPU used over the window is divided among those answered.
/// </summary>
internal sealed class OpenLoop(string engine, int workers, int mixSize, CpuMeter meter, SearchCall call)
{
    private const byte Answered = 0;
    private const byte Failed = 1;
    private const byte Abandoned = 2;

    private int _errors;
    private int _failures;
    private long _next;

    /// <summary>Searches not answered well (an error, or an answer other than 200) over every step, warm-ups included.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public async Task<LoadStep> RunAsync(int rate, TimeSpan warmup, TimeSpan window, CancellationToken cancellationToken)
    {
        var frequency = Stopwatch.Frequency;
        // The mix goes on where the last step left it, so every step sees all of it in turn.
        var first = _next;
        var start = Stopwatch.GetTimestamp() + frequency / 50;
        var measureFrom = start + (long)(warmup.TotalSeconds * frequency);
        var end = measureFrom + (long)(window.TotalSeconds * frequency);
        long Due(long n) => start + (long)(n * (double)frequency / rate);
        // Overloaded: the oldest queued search has waited so long (since it was due, or since the window opened) that
        // the searches due after it until 50 ms ago — more than 5 % of the window's — are answered later than 50 ms
        // whatever happens next. Its p95 is then above the goal, and the step stops instead of queueing on.
        var hopeless = (long)((LoadStep.GoalP95Ms / 1000 + 0.06 * window.TotalSeconds) * frequency);

        var queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
        long queued = 0;
        long started = 0;
        var stop = 0;
        var overloaded = false;
        var results = new List<(int Query, double Ms, byte Outcome)>[workers];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(warmup + window + TimeSpan.FromMinutes(2));

        bool Hopeless(long now)
        {
            var next = Volatile.Read(ref started);
            return now > measureFrom && next < Volatile.Read(ref queued) && now - Math.Max(Due(next), measureFrom) > hopeless;
        }

        var scheduled = new TaskCompletionSource();
        var cpu = new TaskCompletionSource<(TimeSpan Process, TimeSpan Server)>();
        using var stopped = new ManualResetEventSlim();
        // Threads of their own: the pool's threads are busy with the searches, and a timer would wait for one.
        new Thread(() =>
        {
            for (var n = 0L; ; n++)
            {
                var due = Due(n);
                if (due >= end)
                {
                    break;
                }
                while (Stopwatch.GetTimestamp() is var now && now < due && !overloaded)
                {
                    overloaded = Hopeless(now);
                    var wait = (due - now) * 1000.0 / frequency;
                    Thread.Sleep(wait >= 2 ? (int)wait - 1 : 1);
                }
                if (overloaded || Hopeless(Stopwatch.GetTimestamp()))
                {
                    overloaded = true;
                    break;
                }
                queue.Writer.TryWrite(first + n);
                Interlocked.Increment(ref queued);
            }
            queue.Writer.Complete();
            // The window is over: what is queued is still answered, unless the queue shows the step is lost.
            while (!overloaded && Volatile.Read(ref started) < Volatile.Read(ref queued))
            {
                overloaded = Hopeless(Stopwatch.GetTimestamp());
                Thread.Sleep(5);
            }
            // What is still queued is counted as abandoned by the workers, which empty the queue without sending it.
            Volatile.Write(ref stop, overloaded ? 1 : 0);
            stopped.Set();
            scheduled.SetResult();
        }) { IsBackground = true, Name = "open loop" }.Start();
        new Thread(() =>
        {
            Thread.Sleep(Until(measureFrom));
            var before = meter.Read();
            stopped.Wait(Until(end));
            var after = meter.Read();
            cpu.SetResult((after.Process - before.Process, after.Server - before.Server));
        }) { IsBackground = true, Name = "cpu meter" }.Start();

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = results[w] = [];
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (queue.Reader.TryRead(out var n))
                {
                    Interlocked.Increment(ref started);
                    var due = Due(n - first);
                    var counted = due >= measureFrom;
                    var query = (int)(n % mixSize);
                    if (Volatile.Read(ref stop) == 1)
                    {
                        if (counted)
                        {
                            mine.Add((query, Stopwatch.GetElapsedTime(due).TotalMilliseconds, Abandoned));
                        }
                        continue;
                    }
                    bool ok;
                    try
                    {
                        ok = await call(w, query, deadline.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        ok = false;
                        Interlocked.Increment(ref _errors);
                        if (Volatile.Read(ref _errors) <= 5)
                        {
                            await Console.Error.WriteLineAsync($"search: {engine}: a search failed: {ex.GetType().Name}: {ex.Message}");
                        }
                    }
                    if (!ok)
                    {
                        Interlocked.Increment(ref _failures);
                    }
                    if (counted)
                    {
                        mine.Add((query, Stopwatch.GetElapsedTime(due).TotalMilliseconds, ok ? Answered : Failed));
                    }
                }
            }
        }, CancellationToken.None)));
        await scheduled.Task;
        var (process, server) = await cpu.Task;
        _next = first + Volatile.Read(ref queued);

        var all = results.SelectMany(r => r).ToList();
        var answered = all.Count(r => r.Outcome == Answered);
        var timed = all.Where(r => r.Outcome != Failed).Select(r => r.Ms).Order().ToList();
        var perQuery = new List<QueryFigures>();
        foreach (var group in all.Where(r => r.Outcome != Failed).GroupBy(r => r.Query))
        {
            var ms = group.Select(r => r.Ms).Order().ToList();
            perQuery.Add(new QueryFigures(group.Key, ms.Count, Percentile(ms, 0.5), Percentile(ms, 0.95)));
        }
        double PerAnswer(TimeSpan t) => answered == 0 ? double.NaN : t.TotalMilliseconds / answered;
        return new LoadStep(rate, all.Count, answered, all.Count(r => r.Outcome == Failed), all.Count(r => r.Outcome == Abandoned),
            answered / window.TotalSeconds, Percentile(timed, 0.5), Percentile(timed, 0.95), PerAnswer(process + server),
            meter.MeasuresServer ? PerAnswer(server) : double.NaN, overloaded, perQuery);
    }

    private static TimeSpan Until(long timestamp)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

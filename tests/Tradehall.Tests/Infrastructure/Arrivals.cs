namespace Tradehall.Tests.Infrastructure;

public static class Arrival
{
    /// <summary>How long an awaited arrival may take before the test fails: long enough for a busy two-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
}

/// <summary>
/// What reached one of the test's boundaries (mail, SMS, log entries, live events), in arrival order, with an awaitable
/// "next one like this": a test waits for the arrival itself, never for a while. <see cref="NextAsync"/> takes what it
/// returns, so a second call finds the next such item; the arrival order of items sent moments apart does not matter.
/// </summary>
public sealed class Arrivals<T>(string what)
{
    private readonly Lock gate = new();
    private readonly List<T> items = [];
    private readonly List<bool> taken = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(T item)
    {
        TaskCompletionSource arrived;
        lock (gate)
        {
            items.Add(item);
            taken.Add(false);
            arrived = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.TrySetResult();
    }

    /// <summary>The oldest item not taken yet that <paramref name="match"/> accepts, waiting for it to arrive; it is taken.</summary>
    public async Task<T> NextAsync(Func<T, bool> match, string description)
    {
        using var timeout = new CancellationTokenSource(Arrival.Patience);
        while (true)
        {
            Task next;
            lock (gate)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (!taken[i] && match(items[i]))
                    {
                        taken[i] = true;
                        return items[i];
                    }
                }
                next = changed.Task;
            }
            await ArrivalAsync(next, description, timeout.Token);
        }
    }

    /// <summary>Waits until what arrived so far satisfies <paramref name="holds"/>, taking nothing.</summary>
    public async Task WhenAsync(Func<IReadOnlyList<T>, bool> holds, string description)
    {
        using var timeout = new CancellationTokenSource(Arrival.Patience);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (holds(items))
                {
                    return;
                }
                next = changed.Task;
            }
            await ArrivalAsync(next, description, timeout.Token);
        }
    }

    private async Task ArrivalAsync(Task next, string description, CancellationToken timeout)
    {
        try
        {
            await next.WaitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {what} {description} arrived within {Arrival.Patience.TotalSeconds} s. Arrived: {Describe()}");
        }
    }

    private string Describe()
    {
        lock (gate)
        {
            return items.Count == 0 ? "nothing" : string.Join(" | ", items.TakeLast(10));
        }
    }

    /// <summary>Everything that arrived so far, oldest first, taken or not.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. items];
        }
    }
}

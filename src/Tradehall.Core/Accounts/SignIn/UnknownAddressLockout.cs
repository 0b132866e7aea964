using System.Collections.Concurrent;

namespace Tradehall.Core.Accounts.SignIn;

/// <summary>
/// SEC-09, ACC-05: an address without an account locks after as many failures as a real one, so the "locked" answer
/// does not tell which addresses have accounts. Kept in each node's memory, like the request rate limits: it guards
/// an answer, not an account, so a count split between nodes gives nothing away.
/// </summary>
public sealed class UnknownAddressLockout(TimeProvider time, IOptions<AccountsOptions> options)
{
    private const int PruneAbove = 100_000;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTime? LockedUntil, DateTime LastFailure);

    /// <summary>Seconds the address stays locked, or null.</summary>
    public int? LockedSeconds(string normalizedEmail)
    {
        var now = time.UtcNow();
        return entries.TryGetValue(normalizedEmail, out var entry) && entry.LockedUntil > now
            ? Math.Max(1, (int)Math.Ceiling((entry.LockedUntil.Value - now).TotalSeconds))
            : null;
    }

    /// <summary>Counts a failure; answers the seconds locked when this one locked the address.</summary>
    public int? Failed(string normalizedEmail)
    {
        var o = options.Value;
        var now = time.UtcNow();
        if (entries.Count > PruneAbove)
        {
            foreach (var (key, old) in entries.Where(e => e.Value.LastFailure < now - o.LockoutDuration && !(e.Value.LockedUntil > now)))
            {
                entries.TryRemove(key, out _);
            }
        }
        var entry = entries.AddOrUpdate(normalizedEmail,
            _ => new Entry(1, null, now),
            (_, e) => e.LockedUntil is { } until && until <= now ? new Entry(1, null, now) : e with { Failures = e.Failures + 1, LastFailure = now });
        if (entry.Failures < o.LockoutFailures || entry.LockedUntil is not null)
        {
            return null;
        }
        entries[normalizedEmail] = entry with { LockedUntil = now + o.LockoutDuration };
        return (int)o.LockoutDuration.TotalSeconds;
    }
}

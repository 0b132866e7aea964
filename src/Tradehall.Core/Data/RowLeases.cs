namespace Tradehall.Core.Data;

/// <summary>A row of an outbox that workers on several nodes take in turn: whoever sets <see cref="LockedUntil"/> first may work on it.</summary>
[ModuleApi]
public interface ILeasedRow
{
    Guid Id { get; }

    /// <summary>Until when a worker holds the row; null or past when it is free.</summary>
    DateTime? LockedUntil { get; set; }
}

/// <summary>
/// RUN-03: claims outbox rows with one guarded update each, so of several nodes (or workers) that read the same due row,
/// exactly one works on it until its lease ends; a worker that dies holding a row is waited out by the lease.
/// </summary>
[ModuleApi]
public static class RowLeases
{
    /// <summary>
    /// Takes row <paramref name="id"/> until <paramref name="now"/> + <paramref name="lease"/> when it is free and still
    /// matches <paramref name="due"/>; false when another worker has it or it is no longer due.
    /// </summary>
    public static async Task<bool> TryClaimAsync<T>(this DbSet<T> rows, Guid id, System.Linq.Expressions.Expression<Func<T, bool>> due, DateTime now,
        TimeSpan lease, CancellationToken cancellationToken)
        where T : class, ILeasedRow
    {
        var until = now + lease;
        // EF.Property keeps the generic statement translatable on every provider, whatever the row type.
        var claimed = await rows.Where(r => EF.Property<Guid>(r, nameof(ILeasedRow.Id)) == id)
            .Where(r => EF.Property<DateTime?>(r, nameof(ILeasedRow.LockedUntil)) == null || EF.Property<DateTime?>(r, nameof(ILeasedRow.LockedUntil)) < now)
            .Where(due)
            .ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<DateTime?>(r, nameof(ILeasedRow.LockedUntil)), until), cancellationToken);
        return claimed == 1;
    }

    /// <summary>The wait before retry number <paramref name="failures"/> + 1: doubling from <paramref name="first"/>, at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(TimeSpan first, int failures, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Max(0, failures - 1));
        return factor * first.TotalMilliseconds >= max.TotalMilliseconds ? max : first * factor;
    }
}

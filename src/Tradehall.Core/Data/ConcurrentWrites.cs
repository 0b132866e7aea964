using System.Linq.Expressions;

namespace Tradehall.Core.Data;

/// <summary>Writes that two requests may make at the same moment, and how the one that comes second still succeeds.</summary>
[ModuleApi]
public static class ConcurrentWrites
{
    /// <summary>
    /// Runs <paramref name="work"/> and, when its save failed because a concurrent request wrote first (the unique key it
    /// needed is taken), forgets what it had tracked and runs it once more — the second run finds the other request's rows.
    /// The work must leave nothing behind when it fails: one transaction, or one save.
    /// </summary>
    public static async Task<T> RetryOnceAsync<T>(this AppDbContext db, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await work();
        }
    }

    /// <summary>
    /// A row made once per subject (a member's report of a message or a listing): the row matching <paramref name="same"/>,
    /// or <paramref name="create"/>'s row added and saved. When two requests race, the table's unique index refuses the
    /// second, which then answers the row the first one stored.
    /// </summary>
    public static async Task<T> AddOnceAsync<T>(this AppDbContext db, Expression<Func<T, bool>> same, Func<T> create, CancellationToken cancellationToken)
        where T : class
    {
        if (await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(same, cancellationToken) is { } existing)
        {
            return existing;
        }
        var row = create();
        db.Set<T>().Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await db.Set<T>().AsNoTracking().FirstAsync(same, cancellationToken);
        }
    }
}

using System.Linq.Expressions;

namespace Tradehall.Core.Data;

/// <summary>Rows a member makes once per subject — a report of a message or a listing: asking again answers the first.</summary>
[ModuleApi]
public static class OnceEach
{
    /// <summary>
    /// The row matching <paramref name="same"/>, or <paramref name="create"/>'s row added and saved. When two requests race,
    /// the table's unique index refuses the second, which then answers the row the first one stored.
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

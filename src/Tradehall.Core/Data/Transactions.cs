namespace Tradehall.Core.Data;

/// <summary>
/// Work that opens or joins a database transaction. Inside a caller's transaction (an idempotent call's, say) the work
/// is part of it, and the caller's commit or rollback decides; otherwise it runs in a transaction of its own, committed
/// when the work returns and rolled back when it throws. So a money service is atomic however it is called.
/// </summary>
[ModuleApi]
public static class Transactions
{
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static Task InTransactionAsync(this DbContext db, Func<Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);
}

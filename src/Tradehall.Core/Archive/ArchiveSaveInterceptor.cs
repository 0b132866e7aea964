using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tradehall.Core.Archive;

/// <summary>
/// ARC-01: joins every save that appends archive records. Appending to the hash chain is serialized cluster-wide, so
/// each record links to the one committed just before it: the save runs in a transaction (its caller's, or one opened
/// here) holding the archive lock, and the records are numbered and hashed right before they are written.
/// The checkpoint moves once those records are committed — never before, so it is never ahead of the database;
/// a rollback drops them.
/// </summary>
internal sealed class ArchiveSaveInterceptor(ArchiveCheckpoint checkpoint) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The newest record of the save in progress, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, ArchiveHead> saving = new();

    /// <summary>The newest record saved in the open transaction, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, ArchiveHead> uncommitted = new();

    /// <summary>The transaction opened here for a save that had none, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> own = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context?.ChangeTracker.Entries<ArchiveRecord>().Any(e => e.State == EntityState.Added) == true
            ? throw new NotSupportedException("Archive records are chained asynchronously: use SaveChangesAsync.")
            : result;

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }
        var pending = context.ChangeTracker.Entries<ArchiveRecord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (pending.Count == 0)
        {
            return result;
        }
        if (context.Database.CurrentTransaction is null)
        {
            own.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }
        await context.Database.LockForTransactionAsync(DatabaseLockKeys.Archive, cancellationToken);
        await ArchiveChain.SealAsync(context, pending, cancellationToken);
        var newest = pending.MaxBy(r => r.Sequence)!;
        saving.AddOrUpdate(context, new ArchiveHead(newest.Sequence, newest.Hash));
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && saving.TryGetValue(context, out var head))
        {
            saving.Remove(context);
            if (context.Database.CurrentTransaction is null)
            {
                checkpoint.Advance(head);
            }
            else if (!uncommitted.TryGetValue(context, out var earlier) || earlier.Sequence < head.Sequence)
            {
                uncommitted.AddOrUpdate(context, head);
            }
            if (own.TryGetValue(context, out var transaction))
            {
                own.Remove(context);
                await using (transaction)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
        }
        return result;
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await EndAsync(eventData.Context);

    public async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await EndAsync(eventData.Context);

    /// <summary>A save that did not complete: what it sealed is not written, and a transaction opened for it rolls back.</summary>
    private async Task EndAsync(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        saving.Remove(context);
        if (own.TryGetValue(context, out var transaction))
        {
            own.Remove(context);
            await transaction.DisposeAsync();
        }
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && uncommitted.TryGetValue(context, out var head))
        {
            uncommitted.Remove(context);
            checkpoint.Advance(head);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    /// <summary>A transaction that began or ended without committing: what it saved is not in the database.</summary>
    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            uncommitted.Remove(context);
        }
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tradehall.Core.Archive;

/// <summary>
/// ARC-01: moves the checkpoint once the records a context appended are committed — never before, so the checkpoint is
/// never ahead of the database. A save's newest record waits here until its transaction commits; a rollback drops it.
/// </summary>
internal sealed class ArchiveCheckpointInterceptor(ArchiveCheckpoint checkpoint) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The newest record of the save in progress, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, ArchiveHead> saving = new();

    /// <summary>The newest record saved in the open transaction, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, ArchiveHead> uncommitted = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            // Sealed by the context just before: numbered and hashed.
            var newest = context.ChangeTracker.Entries<ArchiveRecord>()
                .Where(e => e.State == EntityState.Added)
                .Select(e => e.Entity)
                .MaxBy(r => r.Sequence);
            if (newest is not null)
            {
                saving.AddOrUpdate(context, new ArchiveHead(newest.Sequence, newest.Hash));
            }
        }
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
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
        }
        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            saving.Remove(context);
        }
        return Task.CompletedTask;
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

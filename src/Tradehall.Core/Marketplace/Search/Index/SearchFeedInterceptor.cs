using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>
/// MKT-02, read-your-writes: once a write of search entries on this node has committed, the node's index reads the feed
/// before the writer goes on, so the poster's next search shows the listing. Saves of tracked entries and set-based
/// statements (bulk updates, deletes, raw SQL) alike; a write inside a transaction waits for its commit.
/// </summary>
internal sealed partial class SearchFeedInterceptor(ListingIndexFeed feed) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly object Mark = new();
    private readonly ConditionalWeakTable<DbContext, object> saving = new();
    private readonly ConditionalWeakTable<DbTransaction, object> pending = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<ListingSearchEntry>()
                .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            saving.AddOrUpdate(context, Mark);
        }
        return ValueTask.FromResult(result);
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && saving.Remove(context))
        {
            await AfterWriteAsync(context.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
        }
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            saving.Remove(context);
        }
        return Task.CompletedTask;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (WritesEntries().IsMatch(command.CommandText))
        {
            await AfterWriteAsync(command.Transaction, cancellationToken);
        }
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (WritesEntries().IsMatch(command.CommandText))
        {
            // A synchronous caller cannot wait for the feed: the background reader is woken instead.
            feed.Wake();
        }
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (pending.Remove(transaction))
        {
            await feed.CatchUpAsync(cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (pending.Remove(transaction))
        {
            feed.Wake();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pending.Remove(transaction);

    private Task AfterWriteAsync(DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            return feed.CatchUpAsync(cancellationToken);
        }
        pending.AddOrUpdate(transaction, Mark);
        return Task.CompletedTask;
    }

    [GeneratedRegex("""(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+"?marketplace_listing_search"?(\s|\(|$)""", RegexOptions.IgnoreCase)]
    private static partial Regex WritesEntries();
}

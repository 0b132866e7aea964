using Microsoft.Extensions.Hosting;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>
/// MKT-02: keeps this node's <see cref="ListingIndex"/> in step with the database, which stays the only source of truth.
/// At start the index is built from every search entry; from then on the change feed (<see cref="SearchChange"/>) is read
/// every <see cref="MarketplaceOptions.SearchFeedInterval"/>, and at once after this node writes an entry
/// (<see cref="SearchFeedInterceptor"/>: a member finds their listing as soon as it is saved). A change names a listing;
/// the index re-reads its entry, so reading a change twice does no harm.
/// <para>
/// Sequence numbers are taken when a row is inserted and may commit out of order on PostgreSQL, so a number skipped over
/// is asked for again in every read until <see cref="MarketplaceOptions.SearchFeedGapTimeout"/> says its transaction rolled
/// back. A node that fell behind the feed's pruning, or whose index holds many removed positions, builds a new index and
/// swaps it in; searches wait only for the first one.
/// </para>
/// </summary>
public sealed class ListingIndexFeed(IServiceScopeFactory scopes, IOptions<MarketplaceOptions> options, TimeProvider time, ILogger<ListingIndexFeed> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<ListingIndex> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly SearchFeedSignal signal = new();
    private readonly List<FeedGap> gaps = [];
    private TaskCompletionSource nextRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ListingIndex? index;
    private long seen;
    private long pruneAfter;

    internal async Task<ListingIndex> IndexAsync(CancellationToken cancellationToken) =>
        index ?? await first.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Reads the feed now: after this returns, every change committed before the call is in the index — unless the node
    /// is building a new index, which a writer does not wait out: the reader is woken, and the change is read after it.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (index is null)
        {
            return;
        }
        if (!await turn.WaitAsync(options.Value.SearchCatchUpWait, cancellationToken))
        {
            Wake();
            return;
        }
        try
        {
            await ReadAsync(cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Completes when the feed has next been read (by the background reader or a catch-up).</summary>
    public Task NextReadAsync(CancellationToken cancellationToken) => nextRead.Task.WaitAsync(cancellationToken);

    /// <summary>Asks the feed to be read soon, for a write whose commit this node cannot wait for.</summary>
    public void Wake() => signal.Raise();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start path: the build's database work must not hold the other services back.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await turn.WaitAsync(stoppingToken);
                try
                {
                    if (index is null || NeedsRebuild(index))
                    {
                        await RebuildAsync(stoppingToken);
                    }
                    else
                    {
                        await ReadAsync(stoppingToken);
                    }
                }
                finally
                {
                    turn.Release();
                }
                await signal.WaitAsync(options.Value.SearchFeedInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                FeedLog.ReadFailed(logger, ex);
                await signal.WaitAsync(options.Value.SearchFeedInterval, time, stoppingToken);
            }
        }
    }

    private bool NeedsRebuild(ListingIndex current) => current.Removed > Math.Max(options.Value.SearchIndexRebuildRemoved, current.LiveCount / 2);

    /// <summary>A new index from every entry, caught up with the feed, then swapped in.</summary>
    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<ListingIndexSource>();
        var started = time.GetTimestamp();
        var (built, from, recent) = await source.BuildAsync(cancellationToken);
        gaps.Clear();
        seen = from;
        var now = time.GetUtcNow();
        for (var seq = Math.Max(1, from - recent.Length + 1); seq <= from && recent.Length > 0; seq++)
        {
            if (Array.BinarySearch(recent, seq) < 0)
            {
                gaps.Add(new FeedGap(seq, seq, now));
            }
        }
        built.SortPositions();
        var previous = index;
        index = built;
        await ReadAsync(cancellationToken);
        first.TrySetResult(built);
        var took = time.GetElapsedTime(started);
        FeedLog.Built(logger, built.LiveCount, took, previous is not null);
    }

    /// <summary>Applies every change after the last one read, and those skipped over that have since committed.</summary>
    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var current = index!;
        await using var scope = scopes.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<ListingIndexSource>();
        var o = options.Value;
        var now = time.GetUtcNow();
        gaps.RemoveAll(g => now - g.Noticed > o.SearchFeedGapTimeout);
        while (true)
        {
            var batch = await source.ChangesAsync(seen, gaps, o.SearchFeedBatch, cancellationToken);
            if (batch.Changes.Count == 0)
            {
                break;
            }
            var taxonomy = false;
            foreach (var change in batch.Changes)
            {
                if (change.Seq > seen)
                {
                    if (change.Seq > seen + 1)
                    {
                        if (await source.OldestAsync(cancellationToken) > seen + 1)
                        {
                            // Changes this node never read were pruned: only a new index is sure to be right.
                            await RebuildAsync(cancellationToken);
                            return;
                        }
                        gaps.Add(new FeedGap(seen + 1, change.Seq - 1, now));
                    }
                    seen = change.Seq;
                }
                else
                {
                    Fill(change.Seq);
                }
                taxonomy |= change.ListingId is null;
            }
            var analyzed = batch.Entries.Select(ListingIndex.Analyze).ToList();
            var lexicon = taxonomy ? await source.LexiconAsync(cancellationToken) : null;
            current.Gate.EnterWriteLock();
            try
            {
                foreach (var removed in batch.Removed)
                {
                    current.Remove(removed);
                }
                foreach (var entry in analyzed)
                {
                    current.Put(entry);
                }
                if (lexicon is not null)
                {
                    current.Lexicon = lexicon;
                }
            }
            finally
            {
                current.Gate.ExitWriteLock();
            }
            if (batch.Changes.Count < o.SearchFeedBatch)
            {
                break;
            }
        }
        if (current.OrdersStale)
        {
            current.SortPositions();
        }
        Interlocked.Exchange(ref nextRead, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (seen > pruneAfter + o.SearchFeedRetained)
        {
            // Any node may prune: a node behind the pruned changes notices and builds a new index.
            pruneAfter = seen - o.SearchFeedRetained;
            await source.PruneAsync(pruneAfter, cancellationToken);
        }
    }

    /// <summary>A skipped number that turned up: its gap shrinks or splits.</summary>
    private void Fill(long seq)
    {
        var i = gaps.FindIndex(g => g.From <= seq && seq <= g.To);
        if (i < 0)
        {
            return;
        }
        var gap = gaps[i];
        gaps.RemoveAt(i);
        if (gap.From < seq)
        {
            gaps.Add(gap with { To = seq - 1 });
        }
        if (seq < gap.To)
        {
            gaps.Add(gap with { From = seq + 1 });
        }
    }

    public override void Dispose()
    {
        signal.Dispose();
        turn.Dispose();
        base.Dispose();
    }
}

/// <summary>Sequence numbers skipped over by the feed, first noticed at <see cref="Noticed"/>.</summary>
internal sealed record FeedGap(long From, long To, DateTimeOffset Noticed);

internal sealed class SearchFeedSignal : Shared.WakeSignal
{
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, time, timeout.Token);
        var woken = WaitAsync(Timeout.InfiniteTimeSpan, timeout.Token);
        await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

internal static partial class FeedLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the search change feed failed; it is read again shortly")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Listings} listings in {Took} (rebuild: {Rebuild})")]
    public static partial void Built(ILogger logger, int listings, TimeSpan took, bool rebuild);
}

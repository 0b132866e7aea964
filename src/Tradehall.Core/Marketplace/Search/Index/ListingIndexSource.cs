using System.Data.Common;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>A change of the feed as read: its number and listing (none for the taxonomy).</summary>
internal sealed record FeedChange(long Seq, Guid? ListingId);

/// <summary>A batch of the feed: its changes in order, the entries of the listings they name, and the listings without one.</summary>
internal sealed record FeedBatch(IReadOnlyList<FeedChange> Changes, IReadOnlyList<IndexedListing> Entries, IReadOnlyList<Guid> Removed);

/// <summary>MKT-02: what <see cref="ListingIndexFeed"/> reads from the database — the same SQL on both engines.</summary>
internal sealed class ListingIndexSource(AppDbContext db, IOptions<MarketplaceOptions> options)
{
    private const string EntryColumns = """
        s."Id", s."ListingId", s."OwnerId", s."OrganizationId", s."Type", s."CategoryId", s."Country", s."Currency", s."Price",
        s."PriceBase", s."PostedAt", s."Highlighted", s."Title", s."Unit", s."Description", s."PhotoId"
        """;

    /// <summary>How many of the newest sequence numbers a new index checks for ones still to commit.</summary>
    private const int RecentChecked = 10_000;

    /// <summary>
    /// A new index of every entry, with the newest change number read before the entries (so every later change is read
    /// again by the feed) and the numbers present among the newest <see cref="RecentChecked"/> (the missing ones may
    /// still commit). Entries are analysed in parallel, a chunk at a time.
    /// </summary>
    public async Task<(ListingIndex Index, long From, long[] Recent)> BuildAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var from = await ScalarAsync(connection, "SELECT MAX(\"Seq\") FROM marketplace_search_changes", cancellationToken);
        var recent = new List<long>();
        await using (var command = Command(connection, "SELECT \"Seq\" FROM marketplace_search_changes WHERE \"Seq\" > @p0 ORDER BY \"Seq\"", from - RecentChecked))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                recent.Add(reader.GetInt64(0));
            }
        }
        var index = new ListingIndex { Lexicon = await LexiconAsync(cancellationToken) };
        var chunk = new List<IndexedListing>(options.Value.SearchFeedBatch);
        void Flush()
        {
            foreach (var analyzed in chunk.AsParallel().AsOrdered().Select(ListingIndex.Analyze))
            {
                index.Put(analyzed);
            }
            chunk.Clear();
        }
        await using (var command = Command(connection, $"SELECT {EntryColumns} FROM marketplace_listing_search s ORDER BY s.\"Id\""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                chunk.Add(Entry(reader, 0));
                if (chunk.Count == options.Value.SearchFeedBatch)
                {
                    Flush();
                }
            }
        }
        Flush();
        return (index, from, [.. recent]);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> changes after <paramref name="after"/> or within <paramref name="gaps"/>, in order, each
    /// with its listing's entry as it is now.
    /// </summary>
    public async Task<FeedBatch> ChangesAsync(long after, IReadOnlyList<FeedGap> gaps, int limit, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var where = new StringBuilder("c.\"Seq\" > @p0");
        var values = new List<object> { after };
        foreach (var gap in gaps)
        {
            where.Append(CultureInfo.InvariantCulture, $" OR c.\"Seq\" BETWEEN @p{values.Count} AND @p{values.Count + 1}");
            values.Add(gap.From);
            values.Add(gap.To);
        }
        values.Add(limit);
        var changes = new List<FeedChange>();
        var entries = new Dictionary<Guid, IndexedListing>();
        var removed = new HashSet<Guid>();
        await using (var command = Command(connection, $"""
            SELECT c."Seq", c."ListingId", {EntryColumns} FROM marketplace_search_changes c
            LEFT JOIN marketplace_listing_search s ON s."ListingId" = c."ListingId"
            WHERE {where} ORDER BY c."Seq" LIMIT @p{values.Count - 1}
            """, [.. values]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var listing = reader.IsDBNull(1) ? (Guid?)null : reader.GetGuid(1);
                changes.Add(new FeedChange(reader.GetInt64(0), listing));
                if (listing is not { } id)
                {
                    continue;
                }
                if (reader.IsDBNull(2))
                {
                    entries.Remove(id);
                    removed.Add(id);
                }
                else
                {
                    entries[id] = Entry(reader, 2);
                    removed.Remove(id);
                }
            }
        }
        return new FeedBatch(changes, [.. entries.Values.OrderBy(e => e.EntryId)], [.. removed]);
    }

    public async Task<long> OldestAsync(CancellationToken cancellationToken) =>
        await ScalarAsync(await OpenAsync(cancellationToken), "SELECT MIN(\"Seq\") FROM marketplace_search_changes", cancellationToken);

    public Task PruneAsync(long upTo, CancellationToken cancellationToken) =>
        db.Set<SearchChange>().Where(c => c.Seq <= upTo).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The taxonomy's names and synonyms, and the operator's synonym groups, as queries expand through them.</summary>
    public async Task<SearchLexicon> LexiconAsync(CancellationToken cancellationToken)
    {
        var categories = (await db.Set<Category>().AsNoTracking().Where(c => !c.Retired).ToListAsync(cancellationToken))
            .Select(c => new LexiconCategory(c.Id, c.ParentId, c.NameEn, c.NameRu, SynonymWords.Split(c.Synonyms))).ToList();
        var groups = await db.Set<SearchSynonymGroup>().AsNoTracking().Select(g => g.Words).ToListAsync(cancellationToken);
        return new SearchLexicon(categories, [.. groups.Select(SynonymWords.Split)]);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    private static IndexedListing Entry(DbDataReader r, int at) => new(
        r.GetInt64(at), r.GetGuid(at + 1), r.GetGuid(at + 2), r.IsDBNull(at + 3) ? null : r.GetGuid(at + 3), (ListingType)r.GetInt32(at + 4),
        r.GetInt32(at + 5), r.GetString(at + 6), r.GetString(at + 7), r.GetInt64(at + 8), r.IsDBNull(at + 9) ? null : r.GetInt64(at + 9),
        DbTime.Read(r, at + 10), r.GetBoolean(at + 11), r.GetString(at + 12), r.GetString(at + 13), r.GetString(at + 14),
        r.IsDBNull(at + 15) ? null : r.GetGuid(at + 15));

    private static DbCommand Command(DbConnection connection, string sql, params object[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = values[i];
            command.Parameters.Add(p);
        }
        return command;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }
}

using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: listing search over <c>marketplace_listing_search</c>, the same on both engines.
/// <list type="bullet">
/// <item>Filters by type, category subtree, country, currency, price range and posting day; words are all required.</item>
/// <item>Without words, price range or day, the total and facets come exactly from <c>marketplace_listing_search_counts</c>,
/// which triggers keep per type, category, country and currency; otherwise they are counted over the
/// <see cref="MarketplaceOptions.SearchWindow"/> most recent matches, and a fuller set says so (<see cref="SearchResult.TotalExact"/>).</item>
/// <item>With words, the window's matches are also what is sorted: relevance ranks by the query terms found in the title
/// (a title match above a description-only match), then highlighted listings, newest, id — computed here, so both engines
/// rank alike. The window is read narrow (what counting and sorting need); the page's rows are read by key afterwards.</item>
/// <item>Without words, sorts run on the indexes over every match. Which index drives is chosen here from the exact counts
/// where the engine keeps no statistics (SQLite): walking the sort's index costs about the rows needed times the share of
/// listings that match, reading the filters' matches and sorting them costs about the matches.</item>
/// <item>Facets count the matches of all filters, each dimension included (drill-down): a facet link narrows the search.</item>
/// </list>
/// </summary>
public sealed partial class ListingSearch(
    AppDbContext db, IListingSearchEngine engine, SearchCriteriaRules rules, INetwork network, IOptions<MarketplaceOptions> options)
{
    private const string Columns = """
        s."Id", s."ListingId", s."OwnerId", s."OrganizationId", s."Type", s."CategoryId", s."Country", s."Currency", s."Price",
        s."PriceBase", s."PostedAt", s."Highlighted", s."Title", s."Unit"
        """;

    /// <summary>Every column a window read's filters test or its sorts read.</summary>
    private const string WindowColumns = """
        s."Id", s."Type", s."CategoryId", s."Country", s."Currency", s."Price", s."PriceBase", s."PostedAt", s."Highlighted", s."Title"
        """;

    /// <summary>
    /// How many index entries a walk may read for each match a filter-driven plan reads: the latter looks each match up
    /// in the table and sorts it, the former only steps along a covering index (measured on SQLite over a million
    /// listings: a table lookup costs 15 to 25 steps).
    /// </summary>
    private const long LookupCostInIndexSteps = 16;

    /// <summary>
    /// Blocks a window read starts with on a <see cref="IBlockedTextIndex"/>: 16,384 entries, where a word in one listing of
    /// sixteen fills a window of 1,000 at once.
    /// </summary>
    private const long FirstBlocks = 4;

    /// <summary>Past this many blocks a range query grows long, and the matches of every older block are read at once.</summary>
    private const long MaxBlocksARead = 64;

    public async Task<SearchResult> SearchAsync(SearchCriteria criteria, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var resolved = await rules.ResolveAsync(criteria, errors, cancellationToken);
        var (p, size) = Paging(page, pageSize, errors);
        errors.ThrowIfAny("marketplace.search_invalid", "Some search parameters are not valid.");
        return await RunAsync(resolved, p, size, cancellationToken);
    }

    /// <summary>Checks a page request: pages from 1, sizes within the limit, no deeper than the reachable results (MKT-07).</summary>
    public (int Page, int PageSize) Paging(int? page, int? pageSize, FieldErrors errors)
    {
        var o = options.Value;
        var p = page ?? 1;
        var size = pageSize ?? o.SearchPageSize;
        if (p < 1)
        {
            errors.Add("page", "Pages are numbered from 1.");
        }
        if (size < 1 || size > o.SearchMaxPageSize)
        {
            errors.Add("pageSize", $"Ask for 1 to {o.SearchMaxPageSize} results per page.");
        }
        else if (p >= 1 && (long)p * size > o.SearchMaxResults)
        {
            errors.Add("page", $"Only the first {o.SearchMaxResults} results can be paged through; narrow the search instead.");
        }
        return (p, size);
    }

    public async Task<SearchResult> RunAsync(ResolvedCriteria c, int page, int pageSize, CancellationToken cancellationToken)
    {
        var window = options.Value.SearchWindow;
        var offset = (page - 1) * pageSize;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            List<Row> rows;
            Counted counted;
            if (c.HasText)
            {
                // One narrow read of the window answers the count, the facets and the page's keys.
                var hits = await HitsAsync(connection, c, window, cancellationToken);
                counted = Counted.From(Tally.Of(hits), hits.Count < window, window);
                rows = await RowsAsync(connection, Sort(hits, c).Skip(offset).Take(pageSize).Select(h => h.Id).ToList(), cancellationToken);
            }
            else
            {
                var dimensions = await DimensionsAsync(connection, c, cancellationToken);
                List<long>? ids = null;
                if (c.MinPrice is null && c.MaxPrice is null && c.Since is null && c.AfterId is null)
                {
                    counted = Counted.From(dimensions.Tallies, exact: true, 0);
                }
                else
                {
                    // The window is the newest matches: a newest-first page within it is a slice of it, read in the same walk.
                    var slice = c.Sort is SearchSort.Relevance or SearchSort.Newest && offset + pageSize <= window ? (offset, pageSize) : ((int, int)?)null;
                    (counted, ids) = await CountWindowAsync(connection, c, window, dimensions.Walk(window) ? ["PostedAt"] : dimensions.Driver, slice, cancellationToken);
                }
                ids ??= await ReadAsync(connection, Select(c, pageSize, offset, dimensions.Walk(offset + pageSize) ? SortColumns(c) : dimensions.Driver),
                    r => r.GetInt64(0), cancellationToken);
                rows = await RowsAsync(connection, ids, cancellationToken);
            }
            var owners = await network.CardsAsync(rows.Select(r => r.OwnerId).Distinct().ToList(), cancellationToken);
            var organizations = await network.OrganizationCardsAsync(
                rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList(), cancellationToken);
            var items = rows.Select(r => new SearchItem(r.ListingId, r.Type, r.Title, Money.ToAmount(r.Price), r.Currency, r.Unit, r.Country,
                r.PostedAt, owners.TryGetValue(r.OwnerId, out var o) ? new SearchOwner(o.Id, o.Handle, o.Name) : null,
                r.OrganizationId, r.OrganizationId is { } org ? organizations.GetValueOrDefault(org) : null, r.CategoryId, r.Highlighted)).ToList();
            return new SearchResult(counted.Total, counted.Exact, items, counted.Facets, page, pageSize);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>MKT-04: the newest matches indexed after <paramref name="afterId"/>, newest first, with how many there are.</summary>
    public async Task<(long Count, IReadOnlyList<SearchItem> Newest)> NewMatchesAsync(
        ResolvedCriteria c, long afterId, int take, CancellationToken cancellationToken)
    {
        var result = await RunAsync(c with { AfterId = afterId, Sort = SearchSort.Newest }, 1, take, cancellationToken);
        return (result.Total, result.Items);
    }

    private static IEnumerable<Hit> Sort(List<Hit> hits, ResolvedCriteria c)
    {
        switch (c.Sort)
        {
            case SearchSort.Newest:
                return hits.OrderByDescending(h => h.PostedAt).ThenByDescending(h => h.Id);
            case SearchSort.Price when c.Currency is not null:
                return hits.OrderBy(h => h.Price).ThenBy(h => h.Id);
            case SearchSort.PriceDesc when c.Currency is not null:
                return hits.OrderByDescending(h => h.Price).ThenByDescending(h => h.Id);
            case SearchSort.Price:
                return hits.OrderBy(h => h.PriceBase is null).ThenBy(h => h.PriceBase).ThenBy(h => h.Id);
            case SearchSort.PriceDesc:
                return hits.OrderBy(h => h.PriceBase is null).ThenByDescending(h => h.PriceBase).ThenByDescending(h => h.Id);
            default:
                var terms = SearchText.FoldTerms(c.Terms);
                return hits.Select(h => (Hit: h, Score: SearchText.TitleScore(terms, h.Title!)))
                    .OrderByDescending(x => x.Score).ThenByDescending(x => x.Hit.Highlighted).ThenByDescending(x => x.Hit.PostedAt)
                    .ThenByDescending(x => x.Hit.Id).Select(x => x.Hit);
        }
    }

    /// <summary>The index columns a sort walks, in the order the index holds them.</summary>
    private static string[] SortColumns(ResolvedCriteria c) => c.Sort switch
    {
        SearchSort.Price or SearchSort.PriceDesc when c.Currency is not null => ["Currency", "Price"],
        SearchSort.Price or SearchSort.PriceDesc => ["PriceBase"],
        _ => ["PostedAt"],
    };

    private static string Order(ResolvedCriteria c, Func<string, string> column) => c.Sort switch
    {
        SearchSort.Price when c.Currency is not null => $"{column("Price")}, s.\"Id\"",
        SearchSort.PriceDesc when c.Currency is not null => $"{column("Price")} DESC, s.\"Id\" DESC",
        SearchSort.Price => $"{column("PriceBase")} NULLS LAST, s.\"Id\"",
        SearchSort.PriceDesc => $"{column("PriceBase")} DESC NULLS LAST, s.\"Id\" DESC",
        _ => $"{column("PostedAt")} DESC, s.\"Id\" DESC",
    };

    /// <summary>
    /// The keys of a page of matches without words, along the index of <paramref name="driving"/>'s columns: walking an
    /// index that covers every filter, the skipped matches cost no table reads.
    /// </summary>
    private Command Select(ResolvedCriteria c, int limit, int offset, string[] driving)
    {
        var command = new Command();
        var column = Column(driving);
        command.Sql.Append(CultureInfo.InvariantCulture,
            $"SELECT s.\"Id\" FROM {engine.From(false)} WHERE {Where(c, command, false, column)} ORDER BY {Order(c, column)} LIMIT {command.Add(limit, DbType.Int32)} OFFSET {command.Add(offset, DbType.Int32)}");
        return command;
    }
}

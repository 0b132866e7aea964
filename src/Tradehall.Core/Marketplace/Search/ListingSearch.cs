using Tradehall.Core.Marketplace.Search.Index;
using Tradehall.Core.Network;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: listing search, answered by this node's in-memory index (<see cref="ListingIndex"/>, kept current by
/// <see cref="ListingIndexFeed"/>), the same on SQLite and PostgreSQL. Words match every form of themselves in English and
/// Russian, their synonyms and the categories they name (<see cref="SearchLexicon"/>); every filter narrows; every sort
/// orders all matches; the total and facets are exact up to a limit (<see cref="SearchResult"/>).
/// </summary>
public sealed class ListingSearch(
    ListingIndexFeed feed, SearchCriteriaRules rules, INetwork network, SearchCards cards, IOptions<MarketplaceOptions> options,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// MKT-02: a search as the query string of <c>GET /api/v1/listings/search</c> or of the search page asks it — both doors
    /// read it here: every bad value refused naming its parameter, then the page checked against the reachable results (MKT-07).
    /// </summary>
    public Task<SearchResult> SearchAsync(SearchQueryString query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var criteria = SearchCriteriaRules.FromQuery(query, errors);
        return SearchAsync(criteria, new PageRequest { Page = query.Page, PageSize = query.PageSize }, errors, cancellationToken);
    }

    public Task<SearchResult> SearchAsync(SearchCriteria criteria, PageRequest page, CancellationToken cancellationToken) =>
        SearchAsync(criteria, page, new FieldErrors(), cancellationToken);

    private async Task<SearchResult> SearchAsync(SearchCriteria criteria, PageRequest page, FieldErrors errors, CancellationToken cancellationToken)
    {
        var resolved = await rules.ResolveAsync(criteria, errors, cancellationToken);
        errors.ThrowIfAny("marketplace.search_invalid", "Some search parameters are not valid.");
        var o = options.Value;
        var (number, size) = page.Check(new PageLimits(o.SearchPageSize, o.SearchMaxPageSize, o.SearchMaxResults), text);
        return await RunAsync(resolved, number, size, cancellationToken);
    }

    public async Task<SearchResult> RunAsync(ResolvedCriteria c, int page, int pageSize, CancellationToken cancellationToken)
    {
        var index = await feed.IndexAsync(cancellationToken);
        var answer = index.Search(c, (page - 1) * pageSize, pageSize, options.Value.SearchExactUpTo);
        var owners = await cards.MembersAsync(answer.Page.Select(r => r.OwnerId).Distinct().ToList(), network, cancellationToken);
        var organizations = await cards.OrganizationsAsync(
            answer.Page.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList(), network, cancellationToken);
        var items = answer.Page.Select(r => new SearchItem(r.ListingId, r.Type, r.Title, Money.ToAmount(r.Price), r.Currency, r.Unit, r.Country,
            r.PostedAt, owners.TryGetValue(r.OwnerId, out var o) ? new SearchOwner(o.Id, o.Handle, o.Name) : null,
            r.OrganizationId, r.OrganizationId is { } org ? organizations.GetValueOrDefault(org) : null, r.CategoryId, r.Highlighted,
            r.PhotoId is { } photo ? Listings.ListingEditor.PhotoUrl(r.ListingId, photo) : null)).ToList();
        return new SearchResult(answer.Total, answer.Exact, items, answer.Facets, page, pageSize, answer.Exact, answer.Suggestion);
    }

    /// <summary>MKT-04: the newest matches indexed after <paramref name="afterId"/>, newest first, with how many there are.</summary>
    public async Task<(long Count, IReadOnlyList<SearchItem> Newest)> NewMatchesAsync(
        ResolvedCriteria c, long afterId, int take, CancellationToken cancellationToken)
    {
        var result = await RunAsync(c with { AfterId = afterId, Sort = SearchSort.Newest }, 1, take, cancellationToken);
        return (result.Total, result.Items);
    }
}

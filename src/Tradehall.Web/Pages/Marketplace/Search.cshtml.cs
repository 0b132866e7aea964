using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Search;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>A category as the filter lists it: indented by depth, with the matches of it and everything below it.</summary>
/// <summary>MKT-02, MKT-07: the public listing search; every filter lives in the query string, so links reproduce a search.</summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(ListingSearch search, CategoryTree categories, SavedSearches saved, IOptions<MarketplaceOptions> options)
    : TradehallPageModel
{
    public static readonly string[] Fields = ["Q", "Type", "Category", "Country", "MinPrice", "MaxPrice", "Currency", "Since", "Sort", "Page", "PageSize"];

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "minPrice")] public string? MinPrice { get; set; }
    [FromQuery(Name = "maxPrice")] public string? MaxPrice { get; set; }
    [FromQuery(Name = "currency")] public string? Currency { get; set; }
    [FromQuery(Name = "since")] public string? Since { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public SearchResult? Results { get; private set; }
    public SearchCriteria Criteria { get; private set; } = new();
    public IReadOnlyList<CategoryOption> CategoryOptions { get; private set; } = [];
    public IReadOnlyList<string> Currencies => options.Value.Currencies;
    public string BaseCurrency => options.Value.BaseCurrency;
    public int MaxResults => options.Value.SearchMaxResults;

    /// <summary>Null for visitors; whether a signed-in member may save searches (MKT-04).</summary>
    public bool? MaySave { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await SuccessorAsync(cancellationToken) is { } moved)
        {
            return Redirect(moved);
        }
        ModelState.Clear();
        var tree = await categories.TreeAsync(cancellationToken);
        await TryAsync(async () =>
        {
            var errors = new FieldErrors();
            var query = new SearchQueryString(Q, Type, Category, Country, MinPrice, MaxPrice, Currency, Since, Sort, PageNumber, PageSize);
            Criteria = SearchCriteriaRules.FromQuery(query, errors);
            var page = SearchCriteriaRules.WholeNumber(PageNumber, "page", errors);
            var size = SearchCriteriaRules.WholeNumber(PageSize, "pageSize", errors);
            errors.ThrowIfAny("marketplace.search_invalid", "Some search parameters are not valid.");
            Results = await search.SearchAsync(Criteria, page, size, cancellationToken);
        }, Fields);
        CategoryOptions = CategoryOption.Flatten(tree, Results?.Facets.Category);
        if (User.Identity?.IsAuthenticated == true)
        {
            MaySave = await saved.MayUseAsync(User.MemberId(), cancellationToken);
        }
        return Page();
    }

    /// <summary>
    /// MKT-01: a search by a category the operator merged away or retired moves to the same search by its successor, so
    /// old links and bookmarks keep working; null when the category is live (or not a category at all).
    /// </summary>
    private async Task<string?> SuccessorAsync(CancellationToken cancellationToken)
    {
        if (!int.TryParse(Category, NumberStyles.None, CultureInfo.InvariantCulture, out var asked)
            || await categories.ResolveAsync(asked, cancellationToken) is not { } live || live == asked)
        {
            return null;
        }
        var query = Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key,
            string.Equals(p.Key, "category", StringComparison.OrdinalIgnoreCase) ? live.ToString(CultureInfo.InvariantCulture) : v)));
        return QueryHelpers.AddQueryString(Request.PathBase + Request.Path, query);
    }

    /// <summary>The facet links to show for categories: the roots, and below the chosen category its children.</summary>
    public IEnumerable<CategoryOption> CategoryFacets()
    {
        var chosen = CategoryOptions.FirstOrDefault(c => c.Id == Criteria.Category);
        return chosen is null
            ? CategoryOptions.Where(c => c.Depth == 0 && c.Count > 0)
            : CategoryOptions.Where(c => c.Count > 0 && c.Depth == chosen.Depth + 1 && c.Path.Contains(chosen.Id));
    }

    public string Link(SearchCriteria criteria, int? page = null) => SearchLinks.Page(criteria, page);

    public string Total(SearchResult r) => r.TotalExact
        ? L["Found: {0}", r.Total.ToString("N0", CultureInfo.CurrentCulture)]
        : L["Found: more than {0}", r.Total.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>Active filters with the link that removes each, for the empty result and the filter summary.</summary>
    public IEnumerable<(string Label, string Href)> Removals()
    {
        var c = Criteria;
        if (!string.IsNullOrEmpty(c.Q))
        {
            yield return (L["Words: {0}", c.Q], Link(c with { Q = null }));
        }
        if (!string.IsNullOrEmpty(c.Type))
        {
            yield return (c.Type == "request" ? L["Requests to buy"] : L["Offers to sell"], Link(c with { Type = null }));
        }
        if (c.Category is { } id)
        {
            yield return (CategoryOptions.FirstOrDefault(o => o.Id == id)?.Name ?? id.ToString(CultureInfo.InvariantCulture), Link(c with { Category = null }));
        }
        if (!string.IsNullOrEmpty(c.Country))
        {
            yield return (CountryNames.Name(c.Country.ToUpperInvariant()), Link(c with { Country = null }));
        }
        if (c.MinPrice is not null || c.MaxPrice is not null)
        {
            yield return (L["Price range"], Link(c with { MinPrice = null, MaxPrice = null }));
        }
        if (!string.IsNullOrEmpty(c.Currency))
        {
            yield return (c.Currency.ToUpperInvariant(), Link(c with { Currency = null }));
        }
        if (c.Since is not null)
        {
            yield return (L["Posted since {0}", c.Since.Value.ToString("d", CultureInfo.CurrentCulture)], Link(c with { Since = null }));
        }
    }
}

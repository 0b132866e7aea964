using Microsoft.AspNetCore.WebUtilities;
using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>A result as a row of the list: the listing, its category from the top down, its poster's badges (NET-08).</summary>
public sealed record ResultRow(SearchItem Item, IReadOnlyList<CategoryOption> Path, Badges? Badges)
{
    /// <summary>
    /// What stands in for a missing photo: the initials of the top category's first and last words ("Pulp and paper"
    /// is PP), so rows of a kind look alike.
    /// </summary>
    public string Initials
    {
        get
        {
            var words = Path.Count == 0 ? [] : Path[0].Name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
            var first = words.Count == 0 ? "" : words[0][..1];
            var last = words.Count > 1 ? words[^1][..1] : "";
            return (first + last).ToUpper(CultureInfo.CurrentCulture);
        }
    }
}

/// <summary>MKT-02, MKT-07: the public listing search; every filter lives in the query string, so links reproduce a search.</summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(ListingSearch search, CategoryTree categories, SavedSearches saved, INetwork network, IOptions<MarketplaceOptions> options)
    : TradehallPageModel
{
    /// <summary>The filters a mistake is shown beside, in the column's order; paging has no field, so its mistakes are plain lines of the summary.</summary>
    public static readonly string[] Fields = ["Q", "Type", "Category", "Country", "MinPrice", "MaxPrice", "Currency", "Since", "Sort"];

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
    public SearchFacetLinks Facets { get; private set; } = new();

    /// <summary>NET-08: the badges of the members whose listings the page shows, read at once.</summary>
    public IReadOnlyDictionary<Guid, Badges> Badges { get; private set; } = new Dictionary<Guid, Badges>();
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
        var query = new SearchQueryString
        {
            Q = Q, Type = Type, Category = Category, Country = Country, MinPrice = MinPrice, MaxPrice = MaxPrice, Currency = Currency,
            Since = Since, Sort = Sort, Page = PageNumber, PageSize = PageSize,
        };
        // The filters as far as they can be read, for the form and its links; the search itself refuses what cannot be.
        Criteria = SearchCriteriaRules.FromQuery(query, new FieldErrors());
        await TryAsync(async () => Results = await search.SearchAsync(query, cancellationToken), Fields);
        CategoryOptions = CategoryOption.Flatten(tree, Results?.Facets.Category);
        categoryById = CategoryOptions.ToDictionary(o => o.Id);
        if (Results is { } r)
        {
            Facets = SearchFacetLinks.Build(Criteria, r, CategoryOptions, L);
            Badges = await network.BadgesAsync(r.Items.Where(i => i.Owner is not null).Select(i => i.Owner!.Id).Distinct().ToList(), cancellationToken);
        }
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

    private Dictionary<int, CategoryOption> categoryById = [];

    /// <summary>A listing's category from the top of the tree down to it, in the reader's language.</summary>
    public IReadOnlyList<CategoryOption> CategoryPath(int id) =>
        categoryById.TryGetValue(id, out var category) ? [.. category.Path.Select(p => categoryById[p])] : [];

    /// <summary>The results as the page shows them: each with its category path and its poster's badges.</summary>
    public IEnumerable<ResultRow> Rows() => (Results?.Items ?? []).Select(i => new ResultRow(i, CategoryPath(i.CategoryId),
        i.Owner is { } owner ? Badges.GetValueOrDefault(owner.Id) : null));

    /// <summary>A facet count; past the exact limit it is an estimate, and says so.</summary>
    public (string Shown, string Spoken) Count(long count)
    {
        var number = count.ToString("N0", CultureInfo.CurrentCulture);
        return Results?.FacetsExact == false ? ("≈ " + number, L["about {0}", number]) : (number, number);
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

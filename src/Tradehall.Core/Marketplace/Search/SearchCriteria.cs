using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: what a searcher asks for, as the search page, the API (<c>GET /api/v1/listings/search</c>) and saved searches
/// (MKT-04) name it. Without <see cref="Currency"/>, a price range is in the base currency and compares every listing's
/// price converted at the operator's rates (ANL-03); with it, only listings priced in that currency, by their own price.
/// <see cref="Since"/> is a UTC day: listings posted on it or later.
/// </summary>
public sealed record SearchCriteria(
    string? Q = null, string? Type = null, int? Category = null, string? Country = null, decimal? MinPrice = null,
    decimal? MaxPrice = null, string? Currency = null, DateOnly? Since = null, string? Sort = null);

public enum SearchSort
{
    /// <summary>Listings holding more of the query's terms in their title first; then highlighted, newest. Without words: newest.</summary>
    Relevance,
    Newest,

    /// <summary>Cheapest first; listings whose currency has no rate come last when prices are compared across currencies.</summary>
    Price,
    PriceDesc,
}

/// <summary>The criteria checked and resolved: words parsed, the category widened to its subtree, money in minor units.</summary>
public sealed record ResolvedCriteria(
    IReadOnlyList<SearchTerm> Terms, ListingType? Type, IReadOnlyList<int>? Categories, string? Country, long? MinPrice, long? MaxPrice,
    string? Currency, DateTime? Since, SearchSort Sort, long? AfterId = null)
{
    public bool HasText => Terms.Count > 0;

    /// <summary>Whether anything besides the words narrows the matches.</summary>
    public bool HasFilters => Type is not null || Categories is not null || Country is not null || MinPrice is not null
        || MaxPrice is not null || Currency is not null || Since is not null || AfterId is not null;
}

/// <summary>Checks criteria against the allow-lists (types, sorts, currencies, countries, categories) and resolves them.</summary>
public sealed class SearchCriteriaRules(CategoryTree categories, IOptions<MarketplaceOptions> options)
{
    public const int MaxQueryLength = 200;

    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = SearchSort.Relevance, ["newest"] = SearchSort.Newest, ["price"] = SearchSort.Price, ["price_desc"] = SearchSort.PriceDesc,
    };

    public static readonly IReadOnlyDictionary<string, ListingType> Types = new Dictionary<string, ListingType>(StringComparer.OrdinalIgnoreCase)
    {
        ["offer"] = ListingType.Offer, ["request"] = ListingType.Request,
    };

    /// <summary>Resolves <paramref name="c"/>, adding a message per bad field to <paramref name="errors"/>, named after <paramref name="prefix"/>.</summary>
    public async Task<ResolvedCriteria> ResolveAsync(SearchCriteria c, FieldErrors errors, CancellationToken cancellationToken, string prefix = "")
    {
        var o = options.Value;
        if (c.Q is { Length: > MaxQueryLength })
        {
            errors.Add(prefix + "q", $"Search for at most {MaxQueryLength} characters.");
        }
        ListingType? type = null;
        if (!string.IsNullOrEmpty(c.Type))
        {
            if (Types.TryGetValue(c.Type, out var t))
            {
                type = t;
            }
            else
            {
                errors.Add(prefix + "type", "Choose offer or request.");
            }
        }
        var sort = SearchSort.Relevance;
        if (!string.IsNullOrEmpty(c.Sort) && !Sorts.TryGetValue(c.Sort, out sort))
        {
            errors.Add(prefix + "sort", "Sort by relevance, newest, price or price_desc.");
        }
        string? currency = null;
        if (!string.IsNullOrEmpty(c.Currency))
        {
            currency = c.Currency.ToUpperInvariant();
            if (!o.Currencies.Contains(currency, StringComparer.Ordinal))
            {
                errors.Add(prefix + "currency", "This currency is not used on the marketplace.");
            }
        }
        string? country = null;
        if (!string.IsNullOrEmpty(c.Country))
        {
            country = c.Country.ToUpperInvariant();
            if (!IsCountry(country))
            {
                errors.Add(prefix + "country", "Give a country as its two-letter ISO code.");
            }
        }
        var min = Price(c.MinPrice, prefix + "minPrice", errors, o);
        var max = Price(c.MaxPrice, prefix + "maxPrice", errors, o);
        if (min is not null && max is not null && min > max)
        {
            errors.Add(prefix + "minPrice", "The lowest price is above the highest.");
        }
        IReadOnlyList<int>? subtree = null;
        if (c.Category is { } category)
        {
            subtree = await categories.SubtreeAsync(category, cancellationToken);
            if (subtree.Count == 0)
            {
                errors.Add(prefix + "category", "There is no such category.");
            }
        }
        DateTime? since = c.Since is { } day ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
        return new ResolvedCriteria(SearchText.Parse(c.Q), type, subtree, country, min, max, currency, since, sort);
    }

    private static long? Price(decimal? amount, string field, FieldErrors errors, MarketplaceOptions o)
    {
        if (amount is not { } value)
        {
            return null;
        }
        if (value < 0 || value > o.MaxPrice)
        {
            errors.Add(field, $"Give a price from 0 to {o.MaxPrice.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        var minor = Money.ToMinor(value);
        if (minor is null)
        {
            errors.Add(field, "Give a price with at most two decimals.");
        }
        return minor;
    }

    /// <summary>ISO 3166-1 alpha-2 codes the platform knows; "ZZ" and other unassigned codes are refused.</summary>
    public static bool IsCountry(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Reads the API's query string: every value a string, so a bad one is refused naming its parameter.</summary>
    public static SearchCriteria FromQuery(SearchQueryString query, FieldErrors errors)
    {
        int? category = null;
        if (!string.IsNullOrEmpty(query.Category))
        {
            if (int.TryParse(query.Category, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                category = id;
            }
            else
            {
                errors.Add("category", "There is no such category.");
            }
        }
        var since = IsoDates.Day(query.Since).Or(errors, "since", "Give a date as YYYY-MM-DD.");
        return new SearchCriteria(query.Q, query.Type, category, query.Country, Amount(query.MinPrice, "minPrice", errors),
            Amount(query.MaxPrice, "maxPrice", errors), query.Currency, since, query.Sort);
    }

    /// <summary>A price as the query string carries it: money read by the shared reader, in invariant form as links write it.</summary>
    private static decimal? Amount(string? text, string field, FieldErrors errors) =>
        Amounts.Money(text, CultureInfo.InvariantCulture).Or(errors, field, "Give a price as a number such as 1500.50.") is { } minor ? Money.ToAmount(minor) : null;
}

/// <summary>The query string of <c>GET /api/v1/listings/search</c> and of the search page, as sent.</summary>
public sealed record SearchQueryString
{
    public string? Q { get; init; }

    public string? Type { get; init; }

    public string? Category { get; init; }

    public string? Country { get; init; }

    public string? MinPrice { get; init; }

    public string? MaxPrice { get; init; }

    public string? Currency { get; init; }

    public string? Since { get; init; }

    public string? Sort { get; init; }

    public string? Page { get; init; }

    public string? PageSize { get; init; }
}

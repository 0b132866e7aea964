using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>What a line of a facet list is: a way back up to a wider search, the value chosen, or a value to narrow to.</summary>
public enum FacetRole
{
    Up,
    Chosen,
    Option,
}

/// <summary>A line of a facet list; <see cref="Href"/> is null for the chosen value, <see cref="Count"/> for a way back up.</summary>
public sealed record FacetLink(string Label, string? Href, long? Count, int Depth, FacetRole Role);

/// <summary>
/// MKT-02: the facets of the filter column, each dimension with its counts and links that keep the rest of the search.
/// The counts are of the matches of every filter, the dimension's own included, so a chosen value offers a way back up
/// (with no count, which the search did not make) rather than its siblings.
/// </summary>
public sealed record SearchFacetLinks
{
    /// <summary>Countries shown before the rest fold behind "more".</summary>
    public const int TopCountries = 5;

    private static readonly string[] TypeCodes = ["offer", "request"];

    public IReadOnlyList<FacetLink> Type { get; init; } = [];
    public IReadOnlyList<FacetLink> Category { get; init; } = [];
    public IReadOnlyList<FacetLink> Country { get; init; } = [];
    public IReadOnlyList<FacetLink> MoreCountries { get; init; } = [];

    public static SearchFacetLinks Build(SearchCriteria c, SearchResult r, IReadOnlyList<CategoryOption> categories, IStringLocalizer text)
    {
        var links = new SearchFacetLinks { Type = Types(c, r, text), Category = Categories(c, categories, text) };
        if (!string.IsNullOrEmpty(c.Country))
        {
            var code = c.Country.ToUpperInvariant();
            return links with
            {
                Country =
                [
                    new FacetLink(text["All countries"], SearchLinks.Page(c with { Country = null }), null, 0, FacetRole.Up),
                    new FacetLink(CountryNames.Name(code), null, r.Facets.Country.GetValueOrDefault(code), 0, FacetRole.Chosen),
                ],
            };
        }
        var countries = r.Facets.Country.Where(e => e.Value > 0)
            .OrderByDescending(e => e.Value).ThenBy(e => CountryNames.Name(e.Key), StringComparer.CurrentCulture)
            .Select(e => new FacetLink(CountryNames.Name(e.Key), SearchLinks.Page(c with { Country = e.Key }), e.Value, 0, FacetRole.Option))
            .ToList();
        // "More" for a single country would hide as much as it shows.
        return countries.Count > TopCountries + 1
            ? links with { Country = countries[..TopCountries], MoreCountries = countries[TopCountries..] }
            : links with { Country = countries };
    }

    private static List<FacetLink> Types(SearchCriteria c, SearchResult r, IStringLocalizer text)
    {
        string Name(string type) => type == "request" ? text["Requests to buy"] : text["Offers to sell"];
        var chosen = c.Type?.ToLowerInvariant();
        if (chosen is "offer" or "request")
        {
            return
            [
                new FacetLink(text["Offers and requests"], SearchLinks.Page(c with { Type = null }), null, 0, FacetRole.Up),
                new FacetLink(Name(chosen), null, r.Facets.Type.GetValueOrDefault(chosen), 0, FacetRole.Chosen),
            ];
        }
        return TypeCodes
            .Select(t => (Type: t, Count: r.Facets.Type.GetValueOrDefault(t)))
            .Where(t => t.Count > 0)
            .Select(t => new FacetLink(Name(t.Type), SearchLinks.Page(c with { Type = t.Type }), t.Count, 0, FacetRole.Option))
            .ToList();
    }

    /// <summary>
    /// The categories with matches: the top level, or below the chosen one, with the way back up through its parents. A
    /// level with a single category opens the one below, so "boards" shows Boards rather than only Sawn timber.
    /// </summary>
    private static List<FacetLink> Categories(SearchCriteria c, IReadOnlyList<CategoryOption> categories, IStringLocalizer text)
    {
        var lines = new List<FacetLink>();
        var chosen = categories.FirstOrDefault(o => o.Id == c.Category);
        var depth = 0;
        if (chosen is not null)
        {
            lines.Add(new FacetLink(text["All categories"], SearchLinks.Page(c with { Category = null }), null, 0, FacetRole.Up));
            foreach (var ancestor in chosen.Path.SkipLast(1).Select(id => categories.First(o => o.Id == id)))
            {
                lines.Add(new FacetLink(ancestor.Name, SearchLinks.Page(c with { Category = ancestor.Id }), null, 0, FacetRole.Up));
            }
            lines.Add(new FacetLink(chosen.Name, null, chosen.Count, 0, FacetRole.Chosen));
            depth = 1;
        }
        void Level(CategoryOption? parent, int at)
        {
            var level = categories.Where(o => o.Count > 0 && (parent is null ? o.Depth == 0 : o.Depth == parent.Depth + 1 && o.Path.Contains(parent.Id))).ToList();
            foreach (var o in level)
            {
                lines.Add(new FacetLink(o.Name, SearchLinks.Page(c with { Category = o.Id }), o.Count, at, FacetRole.Option));
                if (level.Count == 1)
                {
                    Level(o, at + 1);
                }
            }
        }
        Level(chosen, depth);
        return lines;
    }
}

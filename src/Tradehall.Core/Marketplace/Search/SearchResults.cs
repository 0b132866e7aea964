using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;

namespace Tradehall.Core.Marketplace.Search;

public sealed record SearchOwner(Guid Id, string Handle, string Name);

/// <summary>
/// A match; <see cref="Organization"/> is the company a listing was posted for, <see cref="Owner"/> the member who posted it,
/// <see cref="Photo"/> the address of its first photo.
/// </summary>
public sealed record SearchItem(
    Guid Id, ListingType Type, string Title, decimal Price, string Currency, string Unit, string Country, DateTime PostedAt,
    SearchOwner? Owner, Guid? OrganizationId, OrganizationCard? Organization, int CategoryId, bool Highlighted, string? Photo = null);

/// <summary>Matches per value of each dimension, counted over the matches of all filters (drill-down facets).</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<int, long> Category, IReadOnlyDictionary<string, long> Country, IReadOnlyDictionary<string, long> Type);

/// <summary>
/// MKT-02: the total and the facets are exact up to <c>Marketplace:SearchExactUpTo</c> (10,000) matches; beyond, the total
/// is that limit with <see cref="TotalExact"/> false ("10,000+") and the facets are estimated from an even sample
/// (<see cref="FacetsExact"/> false). The items are in the sort's order over all matches either way. <see cref="Suggestion"/> is a query the market's words suggest when nothing matched.
/// </summary>
public sealed record SearchResult(
    long Total, bool TotalExact, IReadOnlyList<SearchItem> Items, SearchFacets Facets, int Page, int PageSize, bool FacetsExact = true,
    string? Suggestion = null);

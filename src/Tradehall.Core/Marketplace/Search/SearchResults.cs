using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;

namespace Tradehall.Core.Marketplace.Search;

public sealed record SearchOwner(Guid Id, string Handle, string Name);

/// <summary>A match; <see cref="Organization"/> is the company a listing was posted for, <see cref="Owner"/> the member who posted it.</summary>
public sealed record SearchItem(
    Guid Id, ListingType Type, string Title, decimal Price, string Currency, string Unit, string Country, DateTime PostedAt,
    SearchOwner? Owner, Guid? OrganizationId, OrganizationCard? Organization, int CategoryId, bool Highlighted);

/// <summary>Matches per value of each dimension, counted over the matches of all filters (drill-down facets).</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<int, long> Category, IReadOnlyDictionary<string, long> Country, IReadOnlyDictionary<string, long> Type);

/// <summary>
/// <see cref="TotalExact"/> is false when more listings match than the search window counts: <see cref="Total"/> and the
/// facets then count the most recent matches only, and the true numbers are higher.
/// </summary>
public sealed record SearchResult(long Total, bool TotalExact, IReadOnlyList<SearchItem> Items, SearchFacets Facets, int Page, int PageSize);

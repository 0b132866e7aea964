using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: one active listing as search sees it — every filter and sort column and the plain text, which each node's
/// in-memory index (<see cref="Index.ListingIndex"/>) is built from and kept current by (<see cref="SearchChange"/>).
/// A listing that is not active has no entry, so expiry, withdrawal and blocking only delete a row.
/// </summary>
public sealed class ListingSearchEntry
{
    /// <summary>Grows with every new entry: saved-search alerts (MKT-04) ask for the entries after the last they saw.</summary>
    public long Id { get; set; }

    public Guid ListingId { get; set; }
    public Guid OwnerId { get; set; }
    public ListingType Type { get; set; }
    public int CategoryId { get; set; }
    public required string Country { get; set; }
    public required string Currency { get; set; }

    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public long Price { get; set; }

    /// <summary>
    /// ANL-03: the price in minor units of the base currency, for price ranges and sorts across currencies; null while
    /// the operator has no rate for <see cref="Currency"/>.
    /// </summary>
    public long? PriceBase { get; set; }

    public DateTime PostedAt { get; set; }

    /// <summary>MKT-05: posted by a marketplace subscriber; shown first among equals and marked.</summary>
    public bool Highlighted { get; set; }

    public required string Title { get; set; }

    /// <summary>The unit the price is for, so a result page needs no second table.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The organization the listing is posted on behalf of, shown as its owner in results.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The listing's first photo, shown beside it in results; null without photos.</summary>
    public Guid? PhotoId { get; set; }

    /// <summary>The description as plain words (Markdown marks removed), for the full-text index.</summary>
    public required string Description { get; set; }
}

internal sealed class ListingSearchEntryConfiguration : IEntityTypeConfiguration<ListingSearchEntry>
{
    public void Configure(EntityTypeBuilder<ListingSearchEntry> b)
    {
        b.ToTable("marketplace_listing_search");
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Country).HasMaxLength(2).IsFixedLength();
        b.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(e => e.Title).HasMaxLength(500);
        b.HasIndex(e => e.ListingId).IsUnique();
        b.HasIndex(e => e.OwnerId);
        b.Property(e => e.Unit).HasMaxLength(20);
    }
}

/// <summary>
/// MKT-02: one row of the search index's change feed, appended by triggers whenever an entry is written or removed
/// (<see cref="ListingId"/>) or the taxonomy changes (no listing); each node's <see cref="Index.ListingIndexFeed"/> reads it.
/// </summary>
public sealed class SearchChange
{
    public long Seq { get; set; }
    public Guid? ListingId { get; set; }
}

internal sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> b)
    {
        b.ToTable("marketplace_search_changes");
        b.HasKey(c => c.Seq);
        b.Property(c => c.Seq).ValueGeneratedOnAdd();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: one active listing as search sees it — every filter and sort column in one narrow table, plus the text
/// the full-text engines index (an FTS5 table on SQLite, a GIN index on PostgreSQL, both keyed by <see cref="Id"/>).
/// A listing that is not active has no entry, so expiry, withdrawal and blocking only delete a row.
/// </summary>
public sealed class ListingSearchEntry
{
    /// <summary>An integer key: FTS5 addresses rows by integer, and an explicit key survives VACUUM.</summary>
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
        b.HasIndex(e => new { e.CategoryId, e.PostedAt });
        b.HasIndex(e => new { e.Type, e.PostedAt });
        b.HasIndex(e => new { e.Country, e.PostedAt });
        b.Property(e => e.Unit).HasMaxLength(20);
        // Cheapest first in a currency and across currencies, each with every filter column at hand: a walk along a
        // price checks filters without reading table rows.
        b.HasIndex(e => new { e.Currency, e.Price, e.Id, e.Type, e.CategoryId, e.Country, e.PostedAt }).HasDatabaseName("IX_marketplace_listing_search_price");
        b.HasIndex(e => new { e.PriceBase, e.Id, e.Type, e.CategoryId, e.Country, e.Currency, e.PostedAt }).HasDatabaseName("IX_marketplace_listing_search_price_base");
        // MKT-02: newest first with every filter column at hand, so counting a window of recent matches reads no table rows.
        b.HasIndex(e => new { e.PostedAt, e.Id, e.Type, e.CategoryId, e.Country, e.Currency, e.PriceBase, e.Price }).HasDatabaseName("IX_marketplace_listing_search_recent");
    }
}

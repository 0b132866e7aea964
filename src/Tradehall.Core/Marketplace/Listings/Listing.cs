namespace Tradehall.Core.Marketplace.Listings;

[ModuleApi]
public enum ListingType
{
    Offer = 0,
    Request = 1,
}

public enum ListingStatus
{
    /// <summary>Visible and searchable until <see cref="Listing.ExpiresAt"/>.</summary>
    Active = 0,

    /// <summary>Its validity ran out; the owner may renew it (MKT-01).</summary>
    Expired = 1,

    /// <summary>The owner withdrew it; kept so chats about it still say what it was.</summary>
    Withdrawn = 2,

    /// <summary>Taken down by moderation (MKT-06, OPS-02).</summary>
    Blocked = 3,
}

/// <summary>
/// MKT-01: an offer to sell or a request to buy. The id is random, so listings cannot be walked by number (MKT-07).
/// Only active listings are in the search index (<see cref="Search.ListingSearchEntry"/>).
/// </summary>
public sealed class Listing
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ListingType Type { get; set; }
    public ListingStatus Status { get; set; }

    /// <summary>The member who posted it and answers inquiries.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The organization it is posted on behalf of; the owner is one of its members.</summary>
    public Guid? OrganizationId { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown; pages render it without raw HTML.</summary>
    public required string Description { get; set; }

    public int CategoryId { get; set; }

    /// <summary>Price of one unit in minor units of <see cref="Currency"/>.</summary>
    public long Price { get; set; }

    public required string Currency { get; set; }
    public required string Unit { get; set; }

    /// <summary>How many units are offered or wanted.</summary>
    public decimal Quantity { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }

    public required string Region { get; set; }

    /// <summary>When it was first posted; renewals keep it.</summary>
    public DateTime PostedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the owner was told the listing is about to expire, so they are told once per validity.</summary>
    public DateTime? ExpiryWarnedAt { get; set; }

    /// <summary>ANL-04: page views by others and inquiry chats started.</summary>
    public long Views { get; set; }

    public long Inquiries { get; set; }

    public Money PriceMoney => new(Price, Currency);
}

/// <summary>MKT-01: a photo of a listing, re-encoded by the image pipeline and kept in the file store.</summary>
public sealed class ListingPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ListingId { get; set; }
    public required string StorageKey { get; set; }

    /// <summary>MKT-02: the small square copy search results show, made on its first request.</summary>
    public string? ThumbnailKey { get; set; }

    public int Position { get; set; }
}

/// <summary>
/// ANL-04: when a listing's view by one viewer was last counted, shared by every node. The viewer is a hash of the member's
/// id or the visitor's address, and a mark is kept only for <see cref="MarketplaceOptions.ViewRepeatWindow"/>.
/// </summary>
public sealed class ListingViewMark
{
    public Guid ListingId { get; set; }
    public required string Viewer { get; set; }
    public DateTime CountedAt { get; set; }
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.ToTable("marketplace_listings");
        b.Property(l => l.Title).HasMaxLength(500);
        b.Property(l => l.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.Country).HasMaxLength(2).IsFixedLength();
        b.Property(l => l.Region).HasMaxLength(100);
        b.Ignore(l => l.PriceMoney);
        b.HasIndex(l => new { l.OwnerId, l.Status });
        b.HasIndex(l => l.OrganizationId);
        b.HasIndex(l => new { l.Status, l.ExpiresAt });
    }
}

internal sealed class ListingPhotoConfiguration : IEntityTypeConfiguration<ListingPhoto>
{
    public void Configure(EntityTypeBuilder<ListingPhoto> b)
    {
        b.ToTable("marketplace_listing_photos");
        b.Property(p => p.StorageKey).HasMaxLength(100);
        // A removal that read the photo before its thumbnail was recorded fails and reads it again, so no file is left behind.
        b.Property(p => p.ThumbnailKey).HasMaxLength(100).IsConcurrencyToken();
        b.HasIndex(p => new { p.ListingId, p.Position });
    }
}

internal sealed class ListingViewMarkConfiguration : IEntityTypeConfiguration<ListingViewMark>
{
    public void Configure(EntityTypeBuilder<ListingViewMark> b)
    {
        b.ToTable("marketplace_listing_views");
        b.HasKey(v => new { v.ListingId, v.Viewer });
        b.Property(v => v.Viewer).HasMaxLength(ListingReader.ViewerLength);
        b.HasIndex(v => v.CountedAt);
    }
}

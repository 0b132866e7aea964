using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tradehall.Core.Analytics.Prices;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02: the price review of one top-level category for one month, its figures frozen when it was made, so the
/// archive reads the same later whatever listings or rates change. One per (month, category).
/// </summary>
public sealed class PriceReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The first day of the reviewed month.</summary>
    public DateOnly Month { get; set; }

    public int CategoryId { get; set; }

    /// <summary><see cref="ReviewFigures"/> as JSON.</summary>
    public required string Figures { get; set; }

    public DateTime CreatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ReviewFigures Read() => JsonSerializer.Deserialize<ReviewFigures>(Figures, Json)!;

    public static string Write(ReviewFigures figures) => JsonSerializer.Serialize(figures, Json);
}

/// <summary>Offers and requests of a category (with its subtree) in one month.</summary>
public sealed record ReviewSection(int CategoryId, PriceStats Offers, PriceStats Requests, decimal? SupplyDemandRatio);

/// <summary>A region by the number of listings posted there.</summary>
public sealed record ReviewRegion(string Country, string Region, int Offers, int Requests);

/// <summary>One month of the trend, as the analytics API reports it.</summary>
public sealed record ReviewMonth(string Month, PriceStats Offers, PriceStats Requests);

/// <summary>
/// What a review says, in the base currency: the category's figures, the change of the medians against the previous
/// month in per cent, the regions with most listings, every direct subcategory, the months before, and how many
/// listings had no exchange rate and were left out.
/// </summary>
public sealed record ReviewFigures(
    string Currency,
    ReviewSection Total,
    decimal? OffersMedianChange,
    decimal? RequestsMedianChange,
    IReadOnlyList<ReviewRegion> TopRegions,
    IReadOnlyList<ReviewSection> Subcategories,
    IReadOnlyList<ReviewMonth> Trend,
    int Unconverted);

internal sealed class PriceReviewConfiguration : IEntityTypeConfiguration<PriceReview>
{
    public void Configure(EntityTypeBuilder<PriceReview> b)
    {
        b.ToTable("analytics_price_reviews");
        b.HasIndex(r => new { r.Month, r.CategoryId }).IsUnique();
    }
}

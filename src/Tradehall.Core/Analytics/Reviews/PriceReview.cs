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

    /// <summary>
    /// The shape of <see cref="Figures"/>: 1 for the first reviews, whose figures mixed units; <see cref="CurrentVersion"/>
    /// keeps every unit apart. An older review is made again from the listings before anyone reads it.
    /// </summary>
    public int FiguresVersion { get; set; } = CurrentVersion;

    public const int CurrentVersion = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ReviewFigures Read() => JsonSerializer.Deserialize<ReviewFigures>(Figures, Json)!;

    public static string Write(ReviewFigures figures) => JsonSerializer.Serialize(figures, Json);
}

/// <summary>Offers and requests of a category (with its subtree) priced per one unit in one month.</summary>
public sealed record ReviewSection(int CategoryId, string Unit, PriceStats Offers, PriceStats Requests, decimal? SupplyDemandRatio);

/// <summary>A region by the number of listings posted there.</summary>
public sealed record ReviewRegion(string Country, string Region, int Offers, int Requests);

/// <summary>One month of the trend, as the analytics API reports it.</summary>
public sealed record ReviewMonth(string Month, PriceStats Offers, PriceStats Requests);

/// <summary>
/// The category's prices per one unit: the month's figures, the change of the medians against the previous month of
/// the same unit in per cent, and the months before.
/// </summary>
public sealed record UnitReview(
    string Unit,
    PriceStats Offers,
    PriceStats Requests,
    decimal? SupplyDemandRatio,
    decimal? OffersMedianChange,
    decimal? RequestsMedianChange,
    IReadOnlyList<ReviewMonth> Trend);

/// <summary>
/// What a review says, in the base currency: the category's figures per unit (the unit most listings use first), the
/// regions with most listings, every direct subcategory per unit, and how many listings had no exchange rate and were
/// left out.
/// </summary>
public sealed record ReviewFigures(
    string Currency,
    IReadOnlyList<UnitReview> Units,
    IReadOnlyList<ReviewRegion> TopRegions,
    IReadOnlyList<ReviewSection> Subcategories,
    int Unconverted);

internal sealed class PriceReviewConfiguration : IEntityTypeConfiguration<PriceReview>
{
    public void Configure(EntityTypeBuilder<PriceReview> b)
    {
        b.ToTable("analytics_price_reviews");
        b.HasIndex(r => new { r.Month, r.CategoryId }).IsUnique();
    }
}

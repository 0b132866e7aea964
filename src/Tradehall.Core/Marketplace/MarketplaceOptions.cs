using System.ComponentModel.DataAnnotations;

namespace Tradehall.Core.Marketplace;

/// <summary>Limits and terms of the marketplace (SPEC §5, §13): plan limits, validity, what a listing may say.</summary>
public sealed class MarketplaceOptions
{
    public const string SectionName = "Marketplace";

    /// <summary>MKT-05: active listings a member without the marketplace subscription may have.</summary>
    [Range(0, 10_000)]
    public int FreeActiveListings { get; set; } = 3;

    /// <summary>MKT-01: how long a listing stays visible after posting or renewal.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ListingValidity { get; set; } = TimeSpan.FromDays(60);

    /// <summary>MKT-01: how long before expiry the owner is told and may renew.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ExpiryWarning { get; set; } = TimeSpan.FromDays(5);

    [Range(10, 500)]
    public int TitleMaxLength { get; set; } = 150;

    /// <summary>MKT-01: the longest Markdown description, in characters.</summary>
    [Range(100, 1_000_000)]
    public int DescriptionMaxLength { get; set; } = 20_000;

    /// <summary>MKT-01: photos one listing may carry.</summary>
    [Range(0, 50)]
    public int MaxPhotos { get; set; } = 8;

    /// <summary>MKT-01: the highest price accepted, in whole currency units; anything above is a typing error.</summary>
    [Range(1, 1_000_000_000_000)]
    public long MaxPrice { get; set; } = 10_000_000_000;

    /// <summary>MKT-01: the highest quantity accepted.</summary>
    [Range(1, 1_000_000_000_000)]
    public long MaxQuantity { get; set; } = 1_000_000_000;

    /// <summary>MKT-01: ISO 4217 currencies a price may be given in.</summary>
    [MinLength(1)]
    public string[] Currencies { get; set; } = ["RUB", "EUR", "USD", "CNY", "BYN", "KZT"];

    /// <summary>MKT-01: unit codes a quantity may be counted in (named on pages through the resource file).</summary>
    [MinLength(1)]
    public string[] Units { get; set; } = ["m3", "t", "kg", "pcs", "m2", "m", "l", "set", "pallet", "truck", "wagon", "container"];

    /// <summary>ANL-03: the currency prices are normalised to for price sorts, ranges and analytics.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string BaseCurrency { get; set; } = "RUB";

    /// <summary>
    /// MKT-02: a search with words, a price range or a day counts and ranks at most this many of its most recent matches,
    /// so a query matching half the market costs what a narrow one does; above it the total is "at least".
    /// </summary>
    [Range(100, 100_000)]
    public int SearchWindow { get; set; } = 1_000;

    /// <summary>MKT-02, MKT-07: the deepest result reachable by paging (page × page size); deeper asks are refused.</summary>
    [Range(100, 1_000_000)]
    public int SearchMaxResults { get; set; } = 10_000;

    [Range(1, 100)]
    public int SearchPageSize { get; set; } = 20;

    /// <summary>MKT-02: the largest page a client may ask for.</summary>
    [Range(1, 1_000)]
    public int SearchMaxPageSize { get; set; } = 100;

    /// <summary>MKT-04: saved searches one subscriber may keep.</summary>
    [Range(1, 1_000)]
    public int SavedSearchesPerMember { get; set; } = 20;

    /// <summary>MKT-04: how often new listings are matched against saved searches with alerts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SavedSearchAlertInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>MKT-04: new listings named in one alert; the rest are counted.</summary>
    [Range(1, 50)]
    public int SavedSearchAlertListings { get; set; } = 5;
}

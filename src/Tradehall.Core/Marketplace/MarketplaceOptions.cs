namespace Tradehall.Core.Marketplace;

/// <summary>Limits and terms of the marketplace (SPEC §5, §13): plan limits, validity, what a listing may say.</summary>
[ModuleApi]
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

    /// <summary>MKT-08: how long a quote stays open when the quoting member names no date.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan QuoteValidity { get; set; } = TimeSpan.FromDays(14);

    /// <summary>MKT-08: the furthest a quote may be held open.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan QuoteMaxValidity { get; set; } = TimeSpan.FromDays(365);

    /// <summary>MKT-08: the longest named place of delivery, in characters.</summary>
    [Range(10, 500)]
    public int DeliveryPlaceMaxLength { get; set; } = 200;

    /// <summary>MKT-08: the longest comment under a quote, in characters.</summary>
    [Range(10, 10_000)]
    public int QuoteCommentMaxLength { get; set; } = 1000;

    /// <summary>MKT-06: the longest reason a member may give when reporting a listing.</summary>
    [Range(10, 10_000)]
    public int ComplaintReasonMaxLength { get; set; } = 2000;

    /// <summary>MKT-01: how often one node of the cluster expires listings, warns owners and refreshes highlighting.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>ANL-04: a viewer opening the same listing again within this time is not counted twice.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ViewRepeatWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// MKT-01: how long a node trusts its copy of the category tree before asking the database whether the operator
    /// changed it on another node (the node that makes a change drops its copy at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CategoryRecheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// ANL-03: base-currency units per unit of each currency, entered once when the rate table is empty, so a fresh
    /// site normalises prices before the operator sets the first rates.
    /// </summary>
    public Dictionary<string, decimal> StartingRates { get; set; } = new()
    {
        ["EUR"] = 95m,
        ["USD"] = 85m,
        ["CNY"] = 11.8m,
        ["BYN"] = 27m,
        ["KZT"] = 0.17m,
    };

    /// <summary>ANL-03: the day the starting rates are valid from; early, so listings of past months are normalised too.</summary>
    public DateOnly StartingRatesFrom { get; set; } = new(2000, 1, 1);

    /// <summary>
    /// MKT-02: totals and facets are exact up to this many matches; beyond, the total reads "10,000+" and the facets are
    /// estimated from an even sample of this many matches. Every sort still orders all matches.
    /// </summary>
    [Range(100, 10_000_000)]
    public int SearchExactUpTo { get; set; } = 10_000;

    /// <summary>MKT-02: how long a node shows a member's or company's name on result pages before reading it again.</summary>
    public TimeSpan SearchCardLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>MKT-02: names a node keeps for result pages; past this many it starts afresh.</summary>
    [Range(100, 10_000_000)]
    public int SearchCardsHeld { get; set; } = 100_000;

    /// <summary>MKT-02: how long a writer waits to see its change in this node's index; longer only while a new index is built.</summary>
    public TimeSpan SearchCatchUpWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>MKT-02: how often each node reads the search change feed for changes written by other nodes.</summary>
    public TimeSpan SearchFeedInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// MKT-02: how long a skipped change number is waited for before its transaction is taken as rolled back; longer than
    /// any transaction that writes listings (a bulk import's chunk included).
    /// </summary>
    public TimeSpan SearchFeedGapTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>MKT-02: changes read from the feed at a time.</summary>
    [Range(10, 1_000_000)]
    public int SearchFeedBatch { get; set; } = 10_000;

    /// <summary>MKT-02: the newest changes the feed keeps; a node further behind builds a new index.</summary>
    [Range(1_000, 100_000_000)]
    public long SearchFeedRetained { get; set; } = 1_000_000;

    /// <summary>MKT-02: removed positions an index may hold (at least half its live ones) before the node builds a new one.</summary>
    [Range(100, 100_000_000)]
    public int SearchIndexRebuildRemoved { get; set; } = 200_000;

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

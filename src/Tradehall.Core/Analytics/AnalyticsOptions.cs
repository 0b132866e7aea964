namespace Tradehall.Core.Analytics;

/// <summary>Limits of market analytics (ANL-01) and the schedule of monthly price reviews (ANL-02).</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>ANL-01: the longest range one request may cover, in months; longer ones are refused, not cut.</summary>
    [Range(1, 240)]
    public int MaxRangeMonths { get; set; } = 36;

    /// <summary>ANL-01: the range the analytics page shows before the visitor chooses one, in months up to this one.</summary>
    [Range(1, 240)]
    public int DefaultRangeMonths { get; set; } = 12;

    /// <summary>ANL-02: whether this node looks for a month to review at all (one node of the cluster does the work).</summary>
    public bool Reviews { get; set; } = true;

    /// <summary>ANL-02: how often a node checks whether last month's reviews are due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReviewCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>ANL-02: how long one node may hold the review job before another may take over.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ReviewLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>ANL-02: at most this many missed months are reviewed when the job catches up.</summary>
    [Range(1, 120)]
    public int ReviewCatchUpMonths { get; set; } = 12;

    /// <summary>
    /// ANL-02: how far back the archive reaches, in ended months: the job (once a month) and the console make every
    /// missing review within it for the months the listings cover, so a new subscriber reads past months at once.
    /// </summary>
    [Range(1, 120)]
    public int ReviewArchiveMonths { get; set; } = 24;

    /// <summary>ANL-02: months of median prices a review's trend chart shows, the reviewed month included.</summary>
    [Range(2, 36)]
    public int ReviewTrendMonths { get; set; } = 6;

    /// <summary>ANL-02: regions with the most listings a review names.</summary>
    [Range(1, 50)]
    public int ReviewTopRegions { get; set; } = 5;
}

namespace Tradehall.Core.Privacy;

/// <summary>How long a member's data export stays downloadable and how the worker that builds it runs (PRV-03).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>PRV-03: how long a ready export may be downloaded; then its file is deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan ExportLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the worker looks for exports to build or expire when nothing woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ExportPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one node holds an export it builds before another may take it over (the node died).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ExportLease { get; set; } = TimeSpan.FromMinutes(30);
}

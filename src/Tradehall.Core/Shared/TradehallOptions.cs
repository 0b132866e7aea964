namespace Tradehall.Core.Shared;

/// <summary>Site-wide settings: where files live, the operator's time zone and public address.</summary>
public sealed class TradehallOptions
{
    public const string SectionName = "Tradehall";

    /// <summary>Folder for the SQLite database, uploads and the development outbox sinks.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    /// <summary>IANA time zone in which the operator counts days (ages, deadlines, periods).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>Absolute address of the site, used in links sent by email.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>The operator's name as it appears in emails and documents.</summary>
    [Required]
    public string OperatorName { get; set; } = "Tradehall Demo Operator LLC";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public string FullDataPath => Path.GetFullPath(DataPath);
}

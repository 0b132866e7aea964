namespace Tradehall.Core.Legal;

/// <summary>Periods of the subscriber's legal data and of new document versions (SPEC §2, §13, OPS-06).</summary>
public sealed class LegalOptions
{
    public const string SectionName = "Legal";

    /// <summary>KYC-04: working days within which the subscriber must report a change of their legal data.</summary>
    [Range(1, 90)]
    public int ChangeReportWorkingDays { get; set; } = 10;

    /// <summary>OPS-06: days after publication at the earliest that a new version of the Terms or the Privacy Policy takes effect.</summary>
    [Range(1, 90)]
    public int TermsEffectiveAfterDays { get; set; } = 1;

    /// <summary>OPS-06: days of notice at the least before a new version of the offer takes effect.</summary>
    [Range(1, 365)]
    public int OfferNoticeDays { get; set; } = 10;

    /// <summary>OPS-06: members told of a new version in one transaction, so a large membership never holds one long write.</summary>
    [Range(1, 10_000)]
    public int NoticeBatchSize { get; set; } = 500;

    /// <summary>OPS-06: how often the notice worker looks for versions whose members are not all told yet.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromMinutes(1);
}

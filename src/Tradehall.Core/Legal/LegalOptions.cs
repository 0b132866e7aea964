using System.ComponentModel.DataAnnotations;

namespace Tradehall.Core.Legal;

/// <summary>Periods of the subscriber's legal data (SPEC §2, §13).</summary>
public sealed class LegalOptions
{
    public const string SectionName = "Legal";

    /// <summary>KYC-04: working days within which the subscriber must report a change of their legal data.</summary>
    [Range(1, 90)]
    public int ChangeReportWorkingDays { get; set; } = 10;
}

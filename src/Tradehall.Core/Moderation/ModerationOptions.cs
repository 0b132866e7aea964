namespace Tradehall.Core.Moderation;

/// <summary>The limits of sanctions (SPEC §13).</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>The column's size; <see cref="MaxReasonLength"/> may not exceed it.</summary>
    public const int ReasonColumnLength = 2000;

    /// <summary>OPS-03: with at least this many recorded violations the operator may terminate the contract.</summary>
    [Range(1, 100)]
    public int ViolationsBeforeTermination { get; set; } = 3;

    /// <summary>OPS-04: a sanction suspension lasting longer than this many months makes termination possible.</summary>
    [Range(1, 120)]
    public int SuspensionMonthsBeforeTermination { get; set; } = 6;

    /// <summary>The longest reason the operator may write.</summary>
    [Range(10, ReasonColumnLength)]
    public int MaxReasonLength { get; set; } = 1000;
}

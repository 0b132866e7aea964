namespace Tradehall.Core.Shared;

/// <summary>
/// PRV-01: marks a property that holds personal data, with why it is kept and for how long.
/// Export, erasure and the "What we store about you" page are driven from these marks.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalDataAttribute(string purpose, string retention) : Attribute
{
    public string Purpose { get; } = purpose;
    public string Retention { get; } = retention;
}

/// <summary>The retention phrases used by <see cref="PersonalDataAttribute"/>, one wording each.</summary>
public static class Retention
{
    public const string WhileAccountExists = "while the account exists";
    public const string ContractPlusThreeYears = "for the contract and 3 years after it ends";
    public const string UntilUsedOrExpired = "until used or expired, at most a day";
    public const string UntilDelivered = "until delivered, then erased with the account";
    public const string Archive = "kept in the evidence archive for the contract and 3 years after it ends";
    public const string AccountingDocuments = "accounting documents: 5 years, unchangeable";
}

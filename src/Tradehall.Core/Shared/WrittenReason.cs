namespace Tradehall.Core.Shared;

/// <summary>
/// The reasons people write to the site — a complaint, an objection: trimmed, required and limited in length, and refused
/// under the request field <c>reason</c>.
/// </summary>
public static class WrittenReason
{
    public const string Field = "reason";

    public static string Check(string? reason, int maxLength, (string Code, string Message) missing, (string Code, string Message) tooLong)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw DomainException.Field(missing.Code, Field, missing.Message);
        }
        if (text.Length > maxLength)
        {
            throw DomainException.Field(tooLong.Code, Field, tooLong.Message);
        }
        return text;
    }

    /// <summary>DOC-01, BIL-14: the reasons of an objection, to an acceptance certificate or to a tariff change.</summary>
    public static string Objection(string? reason, int maxLength, IStringLocalizer text) =>
        Check(reason, maxLength, ("request.invalid", "Give the reasons for your objection."),
            ("request.invalid", text["The reasons may be at most {0} characters long.", maxLength]));
}

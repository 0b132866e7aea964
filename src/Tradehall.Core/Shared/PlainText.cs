namespace Tradehall.Core.Shared;

/// <summary>
/// SEC-07: the one rule for single-line names and titles. Direction controls can make "‮gnp.exe.pdf"
/// display as "fdp.exe.png", and zero-width characters can make a title that shows nothing; names and
/// titles holding either are refused, file names have the controls replaced.
/// </summary>
public static class PlainText
{
    public const string Message = "Use visible characters, without invisible or direction-control ones.";

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks.</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>White space, format characters (zero-width space and joiners, U+2060, U+FEFF), controls and the blank Hangul fillers.</summary>
    public static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control;

    /// <summary>Empty, or holding something a reader sees and no direction control.</summary>
    public static bool IsAcceptable(string? text) =>
        string.IsNullOrEmpty(text) || (!text.Any(IsBidiControl) && text.Any(c => !IsInvisible(c)));

    /// <summary>Direction controls replaced by <paramref name="replacement"/>, for names shown to others (file names).</summary>
    public static string ReplaceBidiControls(string text, char replacement) =>
        text.Any(IsBidiControl) ? string.Concat(text.Select(c => IsBidiControl(c) ? replacement : c)) : text;

    /// <summary>Whether the text shows nothing at all.</summary>
    public static bool IsBlank(string? text) => string.IsNullOrEmpty(text) || text.All(IsInvisible);
}

/// <summary>A single-line name or title: refused when it holds a direction control or nothing visible (<see cref="PlainText"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class VisibleTextAttribute : ValidationAttribute
{
    public VisibleTextAttribute() => ErrorMessage = "Use visible characters, without invisible or direction-control ones.";

    public override bool IsValid(object? value) => value is not string text || PlainText.IsAcceptable(text);
}

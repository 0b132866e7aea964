namespace Tradehall.Core.Shared;

/// <summary>Why typed text is not a value.</summary>
public enum ParseProblem
{
    NotANumber = 1,
    TooManyDecimals,
    TooLarge,
    NotADate,
}

/// <summary>The three outcomes of reading typed text, and what a refusal says.</summary>
public static class Parsed
{
    public static Parsed<T> Blank<T>() where T : struct => new(null, null);

    public static Parsed<T> Of<T>(T value) where T : struct => new(value, null);

    public static Parsed<T> Refused<T>(ParseProblem problem) where T : struct => new(null, problem);

    /// <summary>The refusal in English, a key of the shared translations.</summary>
    public static string Message(ParseProblem problem) => problem switch
    {
        ParseProblem.NotANumber => "Enter a number, for example 1500.50.",
        ParseProblem.TooManyDecimals => "The amount may have at most two decimal places.",
        ParseProblem.TooLarge => "The number is too large.",
        _ => "Enter the date as YYYY-MM-DD.",
    };
}

/// <summary>
/// What became of a typed value: the value, nothing (the field was left blank) or the reason it was refused — never a
/// stand-in value such as -1 or <see cref="DateOnly.MinValue"/> that a later check must know to mean "invalid".
/// </summary>
public readonly record struct Parsed<T>(T? Value, ParseProblem? Problem) where T : struct
{
    public bool IsBlank => Value is null && Problem is null;

    /// <summary>
    /// The value, or null when blank; a refusal is added to <paramref name="errors"/> under <paramref name="field"/>, with
    /// <paramref name="unreadable"/> in place of the general message for text that is no number or date at all, when the
    /// field has a more telling one.
    /// </summary>
    public T? Or(FieldErrors errors, string field, string? unreadable = null)
    {
        if (Problem is { } problem)
        {
            var general = problem is ParseProblem.NotANumber or ParseProblem.NotADate;
            errors.Add(field, general && unreadable is not null ? unreadable : Parsed.Message(problem));
        }
        return Value;
    }
}

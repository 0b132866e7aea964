namespace Tradehall.Core.Marketplace.Synonyms;

/// <summary>
/// MKT-02: a list of words and phrases that mean the same, as the operator writes one — separated by commas (a line
/// break counts as a comma), kept in the order written, stored as "a, b, c". The same rules hold for a category's
/// synonyms and for a group of the global list.
/// </summary>
public static class SynonymWords
{
    /// <summary>The column length, for the stored list.</summary>
    public const int MaxLength = 1000;

    public const int MaxWordLength = 60;

    public const int GroupMin = 2;
    public const int GroupMax = 20;
    public const int CategoryMax = 50;

    /// <summary>Each entry alone: spaces inside collapsed to one, and equal entries (ignoring case) kept once.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        foreach (var part in (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (word.Length > 0 && !words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word);
            }
        }
        return words;
    }

    public static string Join(IEnumerable<string> words) => string.Join(", ", words);

    /// <summary>Letters and digits of any script, with spaces and hyphens between them.</summary>
    public static bool IsWord(string word) =>
        word.Length is > 0 and <= MaxWordLength && word.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-') && word.Any(char.IsLetterOrDigit);

    /// <summary>A group of the global list: 2 to 20 entries that mean the same.</summary>
    public static string CheckGroup(string? text, string field, FieldErrors errors)
    {
        var words = CheckWords(text, field, errors);
        if (words.Count == 0)
        {
            errors.Add(field, "Enter the words that mean the same, separated by commas.");
        }
        else if (words.Count is < GroupMin or > GroupMax)
        {
            errors.Add(field, "Give from 2 to 20 words or phrases.");
        }
        return Join(words);
    }

    /// <summary>A category's synonyms: none at all, or up to 50 entries.</summary>
    public static string CheckCategory(string? text, string field, FieldErrors errors)
    {
        var words = CheckWords(text, field, errors);
        if (words.Count > CategoryMax)
        {
            errors.Add(field, "Give at most 50 words or phrases.");
        }
        return Join(words);
    }

    private static IReadOnlyList<string> CheckWords(string? text, string field, FieldErrors errors)
    {
        var words = Split(text);
        if (words.Any(w => w.Length > MaxWordLength))
        {
            errors.Add(field, "Each word or phrase may be at most 60 characters long.");
        }
        else if (!words.All(IsWord))
        {
            errors.Add(field, "Use only letters, digits, spaces and hyphens in each word, and separate words with commas.");
        }
        if (Join(words).Length > MaxLength)
        {
            errors.Add(field, "The list is too long: at most 1000 characters.");
        }
        return words;
    }
}

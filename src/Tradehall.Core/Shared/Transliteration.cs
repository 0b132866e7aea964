namespace Tradehall.Core.Shared;

/// <summary>How Cyrillic letters are written in Latin ones.</summary>
public enum LatinSpelling
{
    /// <summary>
    /// Russian passports since 2014 (ICAO Doc 9303, as ГОСТ Р 52535.1-2006 takes it): ю iu, я ia, й i, ъ ie, ь dropped.
    /// </summary>
    Passport,

    /// <summary>The older spelling people read most easily, used for page addresses: as the passport but ю yu, я ya, ъ dropped.</summary>
    Readable,
}

/// <summary>
/// Russian names and places in Latin letters (NET-06), by the passport standard or the readable spelling of page
/// addresses. Searches in either alphabet compare <see cref="NameSkeleton"/> keys, which informal spellings reach too.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Passport = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu",
        ['я'] = "ia",
        // Ukrainian and Belarusian letters met in names of the region, as ICAO writes them.
        ['і'] = "i", ['ї'] = "i", ['є'] = "ie", ['ґ'] = "g", ['ў'] = "u",
    };

    private static readonly Dictionary<char, string> Readable = new(Passport) { ['ю'] = "yu", ['я'] = "ya", ['ъ'] = "" };

    /// <summary>Whether the character is a letter of the Russian (or a neighbouring) Cyrillic alphabet.</summary>
    public static bool IsCyrillic(char c) => Passport.ContainsKey(char.ToLowerInvariant(c));

    /// <summary>Whether the character is a basic Latin letter.</summary>
    public static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>
    /// The text with its Cyrillic letters in Latin ones: «Щербаков» gives "Shcherbakov", «ЮРИЙ» "IURII"; other characters stay.
    /// </summary>
    public static string ToLatin(string text, LatinSpelling spelling = LatinSpelling.Passport)
    {
        var table = spelling == LatinSpelling.Passport ? Passport : Readable;
        var result = new StringBuilder(text.Length + 8);
        var source = text.Normalize(NormalizationForm.FormC);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (!table.TryGetValue(char.ToLowerInvariant(c), out var latin))
            {
                result.Append(c);
            }
            else if (!char.IsUpper(c) || latin.Length == 0)
            {
                result.Append(latin);
            }
            else
            {
                result.Append(Capitalized(latin, AllCaps(source, i)));
            }
        }
        return result.ToString();
    }

    /// <summary>An apostrophe as names write a soft sign (Il'ya).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static bool AllCaps(string text, int i) =>
        (i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsUpper(text[i + 1]))
        || (i > 0 && char.IsLetter(text[i - 1]) && char.IsUpper(text[i - 1]));

    private static string Capitalized(string latin, bool allCaps) =>
        allCaps ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];

}

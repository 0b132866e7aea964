using System.Text;

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
/// Russian names and places in the other alphabet (NET-06): Cyrillic to Latin by the passport standard, and Latin back to
/// Cyrillic from the passport spelling and the informal ones people type (yu, ya, y, h, c, tz, sch, yo, ye, j, -y, -iy).
/// Both directions guess where the alphabets do not map one to one; searches compare <see cref="NameSkeleton"/> keys instead.
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

    /// <summary>Latin letters and pairs to Cyrillic, tried longest first; the glides (y, j, i before a vowel) are handled apart.</summary>
    private static readonly (string Latin, string Cyrillic)[] Groups =
    [
        ("shch", "щ"), ("sch", "щ"), ("tch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tz", "ц"), ("ch", "ч"), ("sh", "ш"),
        ("ph", "ф"), ("ck", "к"),
        ("a", "а"), ("b", "б"), ("c", "ц"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("k", "к"), ("l", "л"),
        ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
        ("w", "в"), ("x", "кс"), ("z", "з"),
    ];

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

    /// <summary>
    /// The text with its Latin letters in Cyrillic ones, reading passport and informal spellings alike: "Petrova" gives
    /// «Петрова», "Shcherbakov" and "Scherbakov" «Щербаков», "Yuriy" «Юрий», "Ilya" «Илья», "Maria" «Мария».
    /// </summary>
    public static string ToCyrillic(string text)
    {
        var result = new StringBuilder(text.Length);
        var source = text.Normalize(NormalizationForm.FormC);
        var start = 0;
        while (start < source.Length)
        {
            if (!IsLatin(source[start]))
            {
                result.Append(source[start++]);
                continue;
            }
            // An apostrophe between letters is a soft sign (Il'ya); elsewhere it is punctuation.
            var end = start;
            while (end < source.Length && (IsLatin(source[end]) || (IsApostrophe(source[end]) && end + 1 < source.Length && IsLatin(source[end + 1]))))
            {
                end++;
            }
            var word = source[start..end];
            var cyrillic = CyrillicWord(word.ToLowerInvariant());
            result.Append(word.Any(char.IsUpper) ? Cased(cyrillic, word) : cyrillic);
            start = end;
        }
        return result.ToString();
    }

    private static string CyrillicWord(string w)
    {
        var result = new StringBuilder(w.Length);
        var i = 0;
        while (i < w.Length)
        {
            var c = w[i];
            if (IsApostrophe(c))
            {
                result.Append('ь');
                i++;
                continue;
            }
            var (cyrillic, length) = c is 'y' or 'j' or 'i' ? Glide(w, i, result) : Group(w, i);
            result.Append(cyrillic);
            i += length;
        }
        return result.ToString();
    }

    /// <summary>
    /// y, j or i at <paramref name="i"/> with what follows: я ю е ё before a vowel, й after one, -ий and -ый at the end, ы or и
    /// inside, и otherwise.
    /// </summary>
    private static (string Cyrillic, int Length) Glide(string w, int i, StringBuilder before)
    {
        var c = w[i];
        var next = i + 1 < w.Length ? w[i + 1] : '\0';
        var afterVowel = before.Length > 0 && "аеёиоуыэюяй".Contains(before[^1], StringComparison.Ordinal);
        var afterConsonant = before.Length > 0 && !afterVowel && before[^1] != 'ь';
        var atEnd = i + 2 >= w.Length;
        switch (next)
        {
            case 'a' when c == 'i' && afterConsonant:
                // "Maria", "Julia": и+я at the end; "Diana" inside.
                return atEnd ? ("ия", 2) : ("иа", 2);
            case 'a':
                return (afterConsonant && atEnd && c != 'i' ? "ья" : "я", 2);
            case 'u':
                return ("ю", 2);
            case 'e' when c != 'i':
                return (afterConsonant ? "ье" : "е", 2);
            case 'o' when c != 'i':
                return ("ё", 2);
            case 'i' or 'y' or 'j' when i + 2 == w.Length:
                // -ii, -iy, -ij: -ий; -yi, -yy: -ый.
                return (c == 'y' ? "ый" : "ий", 2);
        }
        if (c == 'i')
        {
            return afterVowel && !IsLatinVowel(next) ? ("й", 1) : ("и", 1);
        }
        if (afterVowel || c == 'j' || before.Length == 0)
        {
            return ("й", 1);
        }
        // "Dmitry", "Rimsky": -ий at the end; "Ryzhkov": ы inside.
        return next == '\0' ? ("ий", 1) : ("ы", 1);
    }

    private static (string Cyrillic, int Length) Group(string w, int i)
    {
        var group = Groups.First(g => string.CompareOrdinal(w, i, g.Latin, 0, g.Latin.Length) == 0);
        return (group.Cyrillic, group.Latin.Length);
    }

    /// <summary>The marks written for a soft sign or an elision: ' ’ ʼ.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static bool IsLatinVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool AllCaps(string text, int i) =>
        (i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsUpper(text[i + 1]))
        || (i > 0 && char.IsLetter(text[i - 1]) && char.IsUpper(text[i - 1]));

    private static string Capitalized(string latin, bool allCaps) =>
        allCaps ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];

    /// <summary>The Cyrillic word in the case of the Latin one: all capitals, or a capital first letter.</summary>
    private static string Cased(string cyrillic, string latin) =>
        latin.Length > 1 && latin.Where(char.IsLetter).All(char.IsUpper)
            ? cyrillic.ToUpperInvariant()
            : cyrillic.Length == 0 ? cyrillic : char.ToUpperInvariant(cyrillic[0]) + cyrillic[1..];
}

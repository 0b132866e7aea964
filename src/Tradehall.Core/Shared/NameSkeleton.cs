namespace Tradehall.Core.Shared;

/// <summary>
/// NET-06: one folded Latin form ("skeleton") of a name or place, so that the ways people write a Russian name in either
/// alphabet meet: «Петрова» and Petrova, «Архангельск», Arkhangelsk and Arhangelsk, «Юрий», Yuri, Iurii and Yuriy.
/// <para>The reduction, in order:</para>
/// <list type="number">
/// <item>lower case; Cyrillic to Latin by the passport standard (<see cref="Transliteration.ToLatin"/>); diacritics of
/// Latin letters dropped (é e, ß ss, ł l); apostrophes (Il'ya) dropped; anything not a letter or digit separates words.</item>
/// <item>consonant spellings to one each: shch, sch → sh; tch → ch; kh → h; ts, tz → c; ph → f; x → ks; w → v.</item>
/// <item>the glides y, i, j (a run of them, as iu, ii, iy): before e nothing (Ekaterina, Yekaterina), before o e
/// (ё: Fyodor, Fedor), before a or u y (Iurii, Yuri; Mariia, Maria, Mariya), otherwise i (Andrey, Andrei; Dmitrii,
/// Dmitry; ы, й and и meet).</item>
/// <item>doubled letters once (Kirill, Kiril; Anna, Ana).</item>
/// </list>
/// A Latin j is either a glide (Julia, Sergej) or ж (Jukov): a text holding one has a second reading with j as zh.
/// </summary>
public static class NameSkeleton
{
    /// <summary>The version of the reduction; stored keys made by an older one are made again (see the directory's keys).</summary>
    public const int Version = 1;

    /// <summary>Between the readings of one stored key; never part of a query's key.</summary>
    public const char ReadingSeparator = '|';

    /// <summary>
    /// The stored key of a text: its skeleton, and when the text holds a Latin j, <see cref="ReadingSeparator"/> and the
    /// skeleton with j read as ж. Empty when the text holds no letter or digit.
    /// </summary>
    public static string Key(string? text)
    {
        var words = Words(text, out _);
        if (words.Count == 0)
        {
            return "";
        }
        var key = Reduce(words, jAsZh: false);
        return words.Any(w => w.Contains('j', StringComparison.Ordinal)) ? key + ReadingSeparator + Reduce(words, jAsZh: true) : key;
    }

    /// <summary>
    /// The skeletons a query is looked for as, each a substring of the keys it should find: its readings, and because the
    /// last word may be unfinished, those of the last letter begun as a pair (typing "Ark" on the way to "Arkhangelsk"
    /// also looks for "arh"; "Mari", for "Maria" or «Мария», also looks for "mary"). Empty for no letter or digit.
    /// </summary>
    public static IReadOnlyList<string> QueryKeys(string? text)
    {
        var words = Words(text, out var endsInLatin);
        var keys = new List<string>();
        if (words.Count == 0)
        {
            return keys;
        }
        var last = words[^1];
        var readings = words.Any(w => w.Contains('j', StringComparison.Ordinal)) ? new[] { false, true } : [false];
        foreach (var jAsZh in readings)
        {
            keys.Add(Reduce(words, jAsZh));
            var end = last[^1];
            if (endsInLatin && end is 'k' or 's' or 'c' or 'z')
            {
                keys.Add(Reduce(WithLast(words, last + "h"), jAsZh));
            }
            if (endsInLatin && end == 't')
            {
                keys.Add(Reduce(WithLast(words, last + "s"), jAsZh));
            }
            if (end is 'i' or 'y' || (end == 'j' && !jAsZh))
            {
                // The glide before a vowel not yet typed: the reduction writes it y, then the vowel, which is left out.
                keys.Add(Reduce(WithLast(words, last + "a"), jAsZh)[..^1]);
            }
        }
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The words of the text in lower-case Latin letters and digits; whether its last letter was typed in Latin.</summary>
    private static List<string> Words(string? text, out bool endsInLatin)
    {
        endsInLatin = false;
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var lower = char.ToLowerInvariant(c);
            if (Transliteration.IsCyrillic(lower))
            {
                word.Append(Transliteration.ToLatin(lower.ToString()));
                endsInLatin = false;
            }
            else if (Transliteration.IsApostrophe(c))
            {
                continue;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var latin = Folded(lower);
                word.Append(latin);
                endsInLatin = latin.Length > 0 && Transliteration.IsLatin(latin[^1]);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <summary>A Latin letter without its diacritics; other letters and digits as they are.</summary>
    private static string Folded(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        _ => string.Concat(c.ToString().Normalize(NormalizationForm.FormD)
            .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)),
    };

    private static List<string> WithLast(List<string> words, string last) => [.. words.SkipLast(1), last];

    private static string Reduce(List<string> words, bool jAsZh) => string.Join(' ', words.Select(w => ReduceWord(w, jAsZh)));

    private static string ReduceWord(string w, bool jAsZh)
    {
        var result = new StringBuilder(w.Length);
        var i = 0;
        while (i < w.Length)
        {
            if (Pair(w, i) is { } pair)
            {
                result.Append(pair.Skeleton);
                i += pair.Length;
                continue;
            }
            var c = w[i];
            if (IsGlide(c, jAsZh))
            {
                var end = i;
                while (end < w.Length && IsGlide(w[end], jAsZh))
                {
                    end++;
                }
                var next = end < w.Length ? w[end] : '\0';
                result.Append(next switch
                {
                    'e' => "",
                    'o' => "e",
                    'a' or 'u' => "y",
                    _ => "i",
                });
                i = next == 'o' ? end + 1 : end;
                continue;
            }
            result.Append(c switch
            {
                'j' => "zh",
                'x' => "ks",
                'w' => "v",
                _ => c.ToString(),
            });
            i++;
        }
        return Undoubled(result);
    }

    private static bool IsGlide(char c, bool jAsZh) => c is 'i' or 'y' || (c == 'j' && !jAsZh);

    private static readonly (string Spelling, string Skeleton)[] Pairs =
    [
        ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("kh", "h"), ("zh", "zh"), ("ch", "ch"), ("sh", "sh"), ("ts", "c"), ("tz", "c"), ("ph", "f"),
    ];

    private static (string Skeleton, int Length)? Pair(string w, int i)
    {
        foreach (var (spelling, skeleton) in Pairs)
        {
            if (string.CompareOrdinal(w, i, spelling, 0, spelling.Length) == 0)
            {
                return (skeleton, spelling.Length);
            }
        }
        return null;
    }

    private static string Undoubled(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i == 0 || text[i] != text[i - 1])
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }
}

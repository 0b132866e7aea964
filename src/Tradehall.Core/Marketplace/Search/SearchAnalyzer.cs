using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: how text becomes the keys the listing index holds, the same for listings and for queries, so a query word finds
/// every form of it: words are runs of letters and digits, folded (<see cref="SearchText.Fold"/>), common words of either
/// language dropped, and the rest reduced to stems by the Snowball stemmers — Russian for Cyrillic words, English
/// (Porter 2) for Latin ones: "boards" and "board" are <c>board</c>, «доска» and «доски» are <c>доск</c>. Words with digits
/// ("a500c", "6000") stay as written. Stemmers keep state, so each thread has its own.
/// </summary>
public static class SearchAnalyzer
{
    [ThreadStatic]
    private static SnowballProgram? russian;

    [ThreadStatic]
    private static SnowballProgram? english;

    /// <summary>The keys of a text's words in order; a dropped common word leaves a null, so phrases never join across it.</summary>
    public static List<string?> Keys(string text)
    {
        var keys = new List<string?>();
        foreach (var word in SearchText.Words(text))
        {
            keys.Add(Key(word));
        }
        return keys;
    }

    /// <summary>The key of one word as <see cref="SearchText.Words"/> yields it (folded), or null for a common word.</summary>
    public static string? Key(string word)
    {
        if (IsStopWord(word))
        {
            return null;
        }
        var cyrillic = false;
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return word;
            }
            cyrillic |= c is >= '\u0400' and <= '\u04ff';
        }
        if (word.Length < 3)
        {
            return word;
        }
        var stemmer = cyrillic ? russian ??= new RussianStemmer() : english ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// The other stem a Russian word with a fleeting vowel has in the genitive plural: «досок» stems to <c>досок</c> while
    /// «доска» stems to <c>доск</c>; «брусок», «кусок» likewise. Queries look for both. Null unless the word is its own
    /// stem (the genitive plural has no ending) and ends in consonant, о or е, consonant.
    /// </summary>
    public static string? FleetingVowelStem(string word)
    {
        var key = word;
        if (key.Length < 5 || Key(word) != word || key[^2] is not ('о' or 'е'))
        {
            return null;
        }
        var before = key[^3];
        var last = key[^1];
        return IsRussianConsonant(before) && IsRussianConsonant(last) ? string.Concat(key.AsSpan(0, key.Length - 2), key.AsSpan(key.Length - 1)) : null;
    }

    private static bool IsRussianConsonant(char c) => c is >= 'а' and <= 'я' && "аеиоуыэюяьъй".IndexOf(c, StringComparison.Ordinal) < 0;

    /// <summary>Whether a folded word is too common in either language to tell listings apart ("the", «и»).</summary>
    public static bool IsStopWord(string word) =>
        EnglishAnalyzer.DefaultStopSet.Contains(word) || RussianAnalyzer.DefaultStopSet.Contains(word);

    /// <summary>The key of a phrase's two neighbouring words: what the index holds for each adjacent pair of a text.</summary>
    public static string Pair(string first, string second) => new StringBuilder(first.Length + second.Length + 1)
        .Append(first).Append('\u0001').Append(second).ToString();
}

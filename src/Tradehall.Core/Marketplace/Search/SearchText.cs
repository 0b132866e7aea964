using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>One required term of a query: a word, or the words of a quoted phrase in order; the last bare word may be a prefix.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix)
{
    public bool IsPhrase => Words.Count > 1;
}

/// <summary>
/// MKT-02: what the words of a search box mean, the same on every engine. Words are runs of letters and digits (any
/// script), lower-cased; everything else only separates them, so quotes of the engines' own syntax, operators and
/// SQL-looking text never reach a MATCH or to_tsquery as syntax. Diacritics are kept in the query: FTS5 folds them on both
/// sides (ё = е), PostgreSQL's 'simple' configuration matches them as written. "Quoted words" form a phrase; every term is required;
/// the last bare word, when at least <see cref="PrefixMinLength"/> letters long, also matches longer words ("pell" → pellets).
/// </summary>
public static partial class SearchText
{
    public const int MaxTerms = 8;
    public const int PrefixMinLength = 3;

    public static IReadOnlyList<SearchTerm> Parse(string? text)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }
        // Odd quotes: the last one opens nothing, so its words are bare words.
        var parts = text.Split('"');
        var lastBare = -1;
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1 && i < parts.Length - 1;
            var words = Word().Matches(parts[i].ToLowerInvariant()).Select(m => m.Value).ToList();
            if (quoted)
            {
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words, false));
                }
                continue;
            }
            foreach (var word in words)
            {
                terms.Add(new SearchTerm([word], false));
                lastBare = terms.Count - 1;
            }
        }
        if (lastBare >= 0 && lastBare == terms.Count - 1 && terms[lastBare].Words[0].Length >= PrefixMinLength)
        {
            terms[lastBare] = terms[lastBare] with { Prefix = true };
        }
        return terms.DistinctBy(Key).Take(MaxTerms).ToList();
    }

    private static string Key(SearchTerm term) => string.Join(' ', term.Words) + (term.Prefix ? "*" : "");

    /// <summary>The words of a text as the index sees them: lower case, diacritics removed (FTS5 remove_diacritics 2).</summary>
    public static List<string> Words(string text) =>
        Word().Matches(Fold(text)).Select(m => m.Value).ToList();

    /// <summary>Lower case without combining marks, so "Café" and "cafe", "ёлка" and "елка" are the same word.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>How many of <paramref name="terms"/> a title holds: what relevance ranks by (see <see cref="ListingSearch"/>).</summary>
    public static int TitleScore(IReadOnlyList<SearchTerm> terms, string title)
    {
        var words = Words(title);
        var score = 0;
        foreach (var term in terms)
        {
            if (Holds(words, term with { Words = term.Words.Select(Fold).ToList() }))
            {
                score++;
            }
        }
        return score;
    }

    private static bool Holds(List<string> words, SearchTerm term)
    {
        for (var start = 0; start + term.Words.Count <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < term.Words.Count && all; k++)
            {
                var last = k == term.Words.Count - 1;
                all = term.Prefix && last ? words[start + k].StartsWith(term.Words[k], StringComparison.Ordinal) : words[start + k] == term.Words[k];
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

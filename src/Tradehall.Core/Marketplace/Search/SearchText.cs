using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>One required term of a query: a word, or the words of a quoted phrase in order.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words);

/// <summary>
/// MKT-02: what the words of a search box mean, the same on every engine. Words are runs of letters and digits (any
/// script), lower-cased; everything else only separates them, so quotes of the engines' own syntax, operators and
/// SQL-looking text never reach a MATCH or to_tsquery as syntax. Diacritics are kept in the query: FTS5 folds them on both
/// sides (ё = е), PostgreSQL's 'simple' configuration matches them as written. "Quoted words" form a phrase; every term is
/// required. Words match whole words only: a prefix query must merge the lists of every word it starts, which on a common
/// prefix costs a full pass over the index on both engines.
/// </summary>
public static partial class SearchText
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<SearchTerm> Parse(string? text)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }
        // Odd quotes: the last one opens nothing, so its words are bare words.
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1 && i < parts.Length - 1;
            var words = Word().Matches(parts[i].ToLowerInvariant()).Select(m => m.Value).ToList();
            if (quoted)
            {
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words));
                }
                continue;
            }
            terms.AddRange(words.Select(word => new SearchTerm([word])));
        }
        return terms.DistinctBy(t => string.Join(' ', t.Words)).Take(MaxTerms).ToList();
    }

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
            if (Holds(words, term.Words.Select(Fold).ToList()))
            {
                score++;
            }
        }
        return score;
    }

    private static bool Holds(List<string> words, List<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            if (words.Skip(start).Take(phrase.Count).SequenceEqual(phrase, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

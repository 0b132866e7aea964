using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>One required term of a query: a word, or the words of a quoted phrase in order.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words);

/// <summary>
/// MKT-02: what the words of a search box mean, the same on every engine. Words are runs of letters and digits (any
/// script), lower-cased; everything else only separates them, so quotes of the engines' own syntax, operators and
/// SQL-looking text never reach a MATCH or to_tsquery as syntax. Both engines fold the diacritics of Latin letters on
/// both sides (é = e): FTS5 by its remove_diacritics, PostgreSQL as <see cref="FoldLatin"/> does; Cyrillic ё and й stay
/// as written on both. Ranking folds every title the same way on both engines. "Quoted words" form a phrase; every term is
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

    /// <summary>Lower case without combining marks, so "Café" and "cafe", "ёлка" and "елка" are the same word.</summary>
    public static string Fold(string text)
    {
        var folded = new char[text.Length];
        return Plain(text, folded) ? new string(folded) : WithoutMarks(text.ToLowerInvariant(), (_, _) => true);
    }

    /// <summary>
    /// The fold without Unicode tables, for the usual text: ASCII and Latin-1 signs, the Russian alphabet (where only й
    /// and ё carry a mark) and signs such as × or –, one character for one into <paramref name="folded"/>; false when
    /// another letter, digit or mark might change.
    /// </summary>
    private static bool Plain(ReadOnlySpan<char> text, Span<char> folded)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            folded[i] = c switch
            {
                'Й' or 'й' => 'и',
                'Ё' or 'ё' => 'е',
                >= 'A' and <= 'Z' or >= 'А' and <= 'Я' => (char)(c + 32),
                < '\u00c0' or >= 'а' and <= 'я' => c,
                _ when !char.IsLetterOrDigit(c) && !IsMark(c) => c,
                _ => '\0',
            };
            if (folded[i] == '\0')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The text decomposed, its combining marks dropped where <paramref name="drop"/> says so (given the mark and the
    /// character it follows, NUL at the start), composed again.
    /// </summary>
    private static string WithoutMarks(string text, Func<char, char, bool> drop)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (!IsMark(c) || !drop(c, kept.Length == 0 ? '\0' : kept[^1]))
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>
    /// A text with the diacritics of its Latin letters removed, as FTS5's <c>remove_diacritics</c> folds them: decomposed,
    /// the combining marks (U+0300–U+036F) that follow an ASCII letter dropped, composed again — so "Café" reads "Cafe"
    /// while Cyrillic й and ё stay as written. PostgreSQL's word vector is made the same way (migration
    /// <c>SearchFolding</c>), and its query words pass through here.
    /// </summary>
    public static string FoldLatin(string text) =>
        WithoutMarks(text, (mark, letter) => mark is >= '\u0300' and <= '\u036f' && char.IsAsciiLetter(letter));

    /// <summary>Each term's words folded and joined by single spaces, as <see cref="TitleScore"/> looks for them.</summary>
    public static IReadOnlyList<string> FoldTerms(IReadOnlyList<SearchTerm> terms) =>
        terms.Select(t => " " + string.Join(' ', t.Words.Select(Fold)) + " ").ToList();

    /// <summary>How many of the <see cref="FoldTerms"/> a title holds: what relevance ranks by (see <see cref="ListingSearch"/>).</summary>
    public static int TitleScore(IReadOnlyList<string> foldedTerms, string title)
    {
        // Ranking folds every title of a window: the usual title is folded on the stack, without a string of its own.
        const int OnStack = 256;
        Span<char> plain = title.Length <= OnStack ? stackalloc char[title.Length] : new char[title.Length];
        ReadOnlySpan<char> folded = Plain(title, plain) ? plain : Fold(title);
        // The title's words between single spaces (what Word() matches, anything else a gap): a term is held when its
        // words stand there side by side.
        Span<char> words = folded.Length + 2 <= OnStack ? stackalloc char[folded.Length + 2] : new char[folded.Length + 2];
        var length = 0;
        words[length++] = ' ';
        foreach (var c in folded)
        {
            if (char.IsLetter(c) || char.IsNumber(c))
            {
                words[length++] = c;
            }
            else if (words[length - 1] != ' ')
            {
                words[length++] = ' ';
            }
        }
        if (words[length - 1] != ' ')
        {
            words[length++] = ' ';
        }
        var spaced = words[..length];
        var score = 0;
        foreach (var term in foldedTerms)
        {
            if (spaced.IndexOf(term, StringComparison.Ordinal) >= 0)
            {
                score++;
            }
        }
        return score;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

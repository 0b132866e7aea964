namespace Tradehall.Core.Marketplace.Search;

/// <summary>One required term of a query: a word, or the words of a quoted phrase in order (folded, as typed).</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words)
{
    public string Text => string.Join(' ', Words);
}

/// <summary>
/// MKT-02: what the words of a search box mean. Words are runs of letters and digits (any script), folded
/// (<see cref="Fold"/>); everything else only separates them, so no character of a query is syntax beyond the double
/// quote: "quoted words" form a phrase, an unbalanced quote opens nothing. Every term is required.
/// </summary>
public static class SearchText
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
            var words = Words(parts[i]).ToList();
            if (i % 2 == 1 && i < parts.Length - 1)
            {
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words));
                }
                continue;
            }
            terms.AddRange(words.Select(word => new SearchTerm([word])));
        }
        return terms.DistinctBy(t => t.Text).Take(MaxTerms).ToList();
    }

    /// <summary>The folded words of a text, in order.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>
    /// Lower case, ё as е, and the diacritics of Latin letters removed ("Café" is "cafe"); й stays, as the Russian stemmer
    /// needs it. The usual text — ASCII, Latin-1 signs and the Russian alphabet — is folded without Unicode tables.
    /// </summary>
    public static string Fold(string text)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            folded[i] = c switch
            {
                'Ё' or 'ё' => 'е',
                >= 'A' and <= 'Z' or >= 'А' and <= 'Я' => (char)(c + 32),
                < '\u00c0' or >= 'а' and <= 'я' => c,
                _ => '\0',
            };
            if (folded[i] == '\0')
            {
                return FoldLatin(text.ToLowerInvariant()).Replace('ё', 'е');
            }
        }
        return new string(folded);
    }

    /// <summary>A text decomposed, the combining marks that follow an ASCII letter dropped, composed again.</summary>
    private static string FoldLatin(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var mark = c is >= '\u0300' and <= '\u036f' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
            if (!mark || kept.Length == 0 || !char.IsAsciiLetter(kept[^1]))
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}

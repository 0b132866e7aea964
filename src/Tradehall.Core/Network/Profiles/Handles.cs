namespace Tradehall.Core.Network.Profiles;

/// <summary>Readable page addresses made from a member's name: "Иван Петров" becomes <c>ivan-petrov</c>.</summary>
public static class Handles
{
    public const int MaxLength = 40;
    private const int StemLength = 30;

    /// <summary>The stem of a handle for these words; "member" when nothing Latin or Cyrillic is left.</summary>
    public static string Stem(params string[] words)
    {
        var text = new StringBuilder();
        var latin = Transliteration.ToLatin(string.Join(' ', words), LatinSpelling.Readable);
        foreach (var ch in latin.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                text.Append(ch);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }
        var stem = text.ToString().Trim('-');
        if (stem.Length > StemLength)
        {
            stem = stem[..StemLength].TrimEnd('-');
        }
        return stem.Length == 0 ? "member" : stem;
    }

    /// <summary>The stem itself when free, otherwise the stem with the lowest free number (<c>ivan-petrov-2</c>).</summary>
    public static Task<string> FreeAsync(AppDbContext db, string stem, CancellationToken cancellationToken) =>
        FreeAsync(db.Set<Profile>().Select(p => p.Handle), stem, cancellationToken);

    /// <summary>The same choice among any set of addresses, such as organization slugs (NET-05).</summary>
    public static async Task<string> FreeAsync(IQueryable<string> existing, string stem, CancellationToken cancellationToken)
    {
        var taken = await existing.Where(h => h == stem || h.StartsWith(stem + "-")).ToListAsync(cancellationToken);
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!set.Contains(stem))
        {
            return stem;
        }
        var n = 2;
        while (set.Contains(string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}")))
        {
            n++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
    }
}

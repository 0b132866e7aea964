namespace Tradehall.Core.Legal.Documents;

/// <summary>A document's Markdown cut at its second-level headings ("## 3. Refunds"); the text before the first is the preamble.</summary>
public static class DocumentSections
{
    public sealed record Section(string Heading, string Text);

    public static IReadOnlyList<Section> Split(string markdown)
    {
        var sections = new List<Section>();
        var heading = "";
        var lines = new List<string>();
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add(new Section(heading, string.Join('\n', lines).Trim()));
                heading = line[3..].Trim();
                lines.Clear();
            }
            else
            {
                lines.Add(line);
            }
        }
        sections.Add(new Section(heading, string.Join('\n', lines).Trim()));
        return sections;
    }

    /// <summary>
    /// OPS-06: the headings of the sections of <paramref name="current"/> that are new or read differently from
    /// <paramref name="previous"/>, then those of <paramref name="previous"/> that are gone — the summary of what changed.
    /// </summary>
    public static (IReadOnlyList<string> Changed, IReadOnlyList<string> Removed) Compare(string previous, string current)
    {
        var before = Split(previous).Where(s => s.Heading.Length > 0).ToDictionary(s => s.Heading, s => s.Text, StringComparer.Ordinal);
        var after = Split(current).Where(s => s.Heading.Length > 0).ToList();
        var changed = after.Where(s => !before.TryGetValue(s.Heading, out var text) || text != s.Text).Select(s => s.Heading).ToList();
        var kept = after.Select(s => s.Heading).ToHashSet(StringComparer.Ordinal);
        return (changed, [.. before.Keys.Where(h => !kept.Contains(h))]);
    }

    /// <summary>
    /// The first version of the offer: its own heading and introduction, then the blockquotes of the Terms' preamble
    /// (the notice about the text) and the Terms' sections numbered <paramref name="numbers"/>, word for word.
    /// </summary>
    public static string Excerpt(string header, string terms, IReadOnlyCollection<int> numbers)
    {
        var parts = Split(terms);
        var notes = parts[0].Text.Split('\n').Where(l => l.StartsWith('>'));
        var chosen = parts.Skip(1).Where(s => numbers.Any(n => s.Heading.StartsWith(n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ", StringComparison.Ordinal)));
        return string.Join("\n\n", new[] { header.Trim(), string.Join('\n', notes) }
            .Concat(chosen.Select(s => "## " + s.Heading + "\n\n" + s.Text))) + "\n";
    }
}

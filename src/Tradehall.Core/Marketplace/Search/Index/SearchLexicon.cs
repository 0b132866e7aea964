namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>A category as the lexicon reads it: its names, the operator's synonyms for it, and its place in the tree.</summary>
internal sealed record LexiconCategory(int Id, int? ParentId, string NameEn, string NameRu, IReadOnlyList<string> Synonyms);

/// <summary>What one term of a query may match: any of the key sequences (a word's stem, a phrase's stems) or any listing
/// in one of the categories (their subtrees included).</summary>
internal sealed record TermExpansion(IReadOnlyList<IReadOnlyList<string?>> Alternatives, IReadOnlyList<int> Categories);

/// <summary>
/// MKT-02: what a query's words mean beyond their own letters. A term matches the listings holding it, or any word of a
/// synonym group it belongs to (the operator's list, both languages: "pine" also finds «сосна»), or any listing in a
/// category it names — the whole name or a whole synonym of the category, in English or Russian ("boards" finds the Boards
/// category, «пиломатериалы» every listing under Sawn timber). Expansion goes one level, so synonym groups that name each other cannot loop. Words
/// compare by their keys (<see cref="SearchAnalyzer"/>), so every form of a word expands alike.
/// </summary>
internal sealed class SearchLexicon
{
    public static readonly SearchLexicon Empty = new([], []);

    private readonly Dictionary<string, List<IReadOnlyList<string?>>> synonyms = new(StringComparer.Ordinal);
    /// <summary>Each category name's and synonym's keys (common words left out, joined) → the categories it names, subtrees included.</summary>
    private readonly Dictionary<string, HashSet<int>> names = new(StringComparer.Ordinal);

    /// <summary>Folded words of category names and synonyms: "did you mean" offers them too.</summary>
    public IReadOnlyCollection<string> Words { get; }

    public SearchLexicon(IReadOnlyList<LexiconCategory> categories, IReadOnlyList<IReadOnlyList<string>> synonymGroups)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in synonymGroups)
        {
            var entries = group.Select(e => (IReadOnlyList<string?>)SearchAnalyzer.Keys(e)).Where(k => k.Any(w => w is not null)).ToList();
            foreach (var entry in entries)
            {
                var list = Alternatives(Join(entry));
                list.AddRange(entries.Where(e => !ReferenceEquals(e, entry)));
            }
            words.UnionWith(group.SelectMany(SearchText.Words));
        }
        var children = categories.ToLookup(c => c.ParentId);
        foreach (var category in categories)
        {
            var subtree = new List<int>();
            var pending = new Stack<int>([category.Id]);
            while (pending.TryPop(out var id))
            {
                subtree.Add(id);
                foreach (var child in children[id])
                {
                    pending.Push(child.Id);
                }
            }
            foreach (var name in category.Synonyms.Append(category.NameEn).Append(category.NameRu))
            {
                var keys = Join(SearchAnalyzer.Keys(name));
                if (keys.Length > 0)
                {
                    if (!names.TryGetValue(keys, out var named))
                    {
                        named = [];
                        names[keys] = named;
                    }
                    named.UnionWith(subtree);
                }
                words.UnionWith(SearchText.Words(name));
            }
        }
        Words = words;
    }

    /// <summary>What <paramref name="term"/> may match: itself (and a Russian word's other stem), its synonyms, its categories.</summary>
    public TermExpansion Expand(SearchTerm term)
    {
        var keys = term.Words.Select(SearchAnalyzer.Key).ToList();
        if (keys.All(k => k is null))
        {
            return new TermExpansion([], []);
        }
        var alternatives = new List<IReadOnlyList<string?>> { keys };
        if (term.Words is [var word] && SearchAnalyzer.FleetingVowelStem(word) is { } other)
        {
            alternatives.Add([other]);
        }
        foreach (var own in alternatives.ToList())
        {
            if (synonyms.TryGetValue(Join(own), out var equivalent))
            {
                alternatives.AddRange(equivalent);
            }
        }
        // A term names a category when it says its whole name or a whole synonym: "boards" is the Boards category, while
        // "board" alone does not name "Oriented strand board".
        var found = new HashSet<int>();
        foreach (var alternative in alternatives)
        {
            if (names.TryGetValue(Join(alternative), out var named))
            {
                found.UnionWith(named);
            }
        }
        return new TermExpansion(alternatives, [.. found]);
    }

    private List<IReadOnlyList<string?>> Alternatives(string key)
    {
        if (!synonyms.TryGetValue(key, out var list))
        {
            list = [];
            synonyms[key] = list;
        }
        return list;
    }

    private static string Join(IEnumerable<string?> keys) => string.Join('\u0001', keys.Where(k => k is not null));
}

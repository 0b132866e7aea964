using System.Buffers;
using System.Numerics;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>A match as a result page shows it, read from the index's columns.</summary>
internal sealed record IndexHit(
    Guid ListingId, long EntryId, Guid OwnerId, Guid? OrganizationId, ListingType Type, int CategoryId, string Country, string Currency,
    long Price, DateTime PostedAt, bool Highlighted, string Title, string Unit, Guid? PhotoId);

/// <summary>
/// A search's answer: every match counted (<see cref="Total"/> is exact), the page in the sort's order over all matches,
/// facets exact up to the limit asked for and estimated from an even sample beyond it.
/// </summary>
internal sealed record IndexAnswer(long Total, bool FacetsExact, SearchFacets Facets, IReadOnlyList<IndexHit> Page, string? Suggestion);

/// <summary>
/// MKT-02: answering a search from the index. Each term becomes a bitset of the positions holding it or what it expands
/// to (<see cref="SearchLexicon"/>); the terms' bitsets are intersected — without words, the smallest filter's postings
/// drive. One pass over the driving set checks every filter on the columns, collecting the matches; the facets count them
/// (an even sample past <c>exactFacets</c>), and a bounded heap keeps the page's worth of the sort's first matches, so
/// every sort orders all matches.
/// </summary>
internal sealed partial class ListingIndex
{
    public IndexAnswer Search(ResolvedCriteria c, int offset, int limit, int exactFacets)
    {
        Gate.EnterReadLock();
        try
        {
            return Answer(c, offset, limit, exactFacets);
        }
        finally
        {
            Gate.ExitReadLock();
        }
    }

    private IndexAnswer Answer(ResolvedCriteria c, int offset, int limit, int exactFacets)
    {
        var words = (Count + 63) >> 6;
        var relevance = c.Sort == SearchSort.Relevance;
        var expansions = c.Terms.Select(t => (Term: t, Expansion: Lexicon.Expand(t))).Where(t => t.Expansion.Alternatives.Count > 0).ToList();
        var rented = new List<ulong[]>();
        ulong[] Bitset()
        {
            var bits = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
            Array.Clear(bits, 0, words);
            rented.Add(bits);
            return bits;
        }
        var matches = ArrayPool<int>.Shared.Rent(Math.Max(1, LiveCount));
        try
        {
            ulong[]? driver = null;
            var titleBits = new List<ulong[]>();
            var empty = new List<SearchTerm>();
            foreach (var (term, expansion) in expansions)
            {
                var bits = Bitset();
                var inTitle = relevance ? Bitset() : null;
                foreach (var alternative in expansion.Alternatives)
                {
                    Alternative(alternative, bits, inTitle, Bitset);
                }
                foreach (var category in expansion.Categories)
                {
                    if (keys.TryGetValue(FilterKey.Category(category), out var postings))
                    {
                        Or(bits, postings.All);
                        if (inTitle is not null)
                        {
                            Or(inTitle, postings.All);
                        }
                    }
                }
                if (inTitle is not null)
                {
                    titleBits.Add(inTitle);
                }
                if (IsEmpty(bits, words))
                {
                    empty.Add(term);
                }
                if (driver is null)
                {
                    driver = bits;
                }
                else
                {
                    And(driver, bits, words);
                }
            }
            driver ??= FilterDriver(c, Bitset);
            var filter = new ColumnFilter(this, c);
            var n = filter.Possible ? Collect(driver, words, filter, matches) : 0;
            var (facets, exact) = Facets(matches.AsSpan(0, n), exactFacets);
            var page = Page(matches.AsSpan(0, n), c, titleBits, offset, limit);
            var suggestion = n == 0 && empty.Count > 0 ? Suggest(c.Terms, empty) : null;
            return new IndexAnswer(n, exact, facets, page, suggestion);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(matches);
            foreach (var bits in rented)
            {
                ArrayPool<ulong>.Shared.Return(bits);
            }
        }
    }

    /// <summary>
    /// The positions holding one alternative of a term: its key, or for a phrase every adjacent pair of its keys (a key
    /// standing between common words on its own).
    /// </summary>
    private void Alternative(IReadOnlyList<string?> alternative, ulong[] bits, ulong[]? inTitle, Func<ulong[]> bitset)
    {
        var parts = new List<string>();
        for (var i = 0; i < alternative.Count; i++)
        {
            if (alternative[i] is not { } key)
            {
                continue;
            }
            var paired = false;
            if (i + 1 < alternative.Count && alternative[i + 1] is { } next)
            {
                parts.Add(SearchAnalyzer.Pair(key, next));
                paired = true;
            }
            if (!paired && (i == 0 || alternative[i - 1] is null))
            {
                parts.Add(key);
            }
        }
        var postings = new List<Postings>();
        foreach (var part in parts)
        {
            if (!keys.TryGetValue(part, out var p))
            {
                return;
            }
            postings.Add(p);
        }
        if (postings.Count == 1)
        {
            Or(bits, postings[0].All);
            if (inTitle is not null)
            {
                Or(inTitle, postings[0].Title);
            }
            return;
        }
        var words = (Count + 63) >> 6;
        var all = bitset();
        var title = inTitle is null ? null : bitset();
        Or(all, postings[0].All);
        if (title is not null)
        {
            Or(title, postings[0].Title);
        }
        foreach (var p in postings.Skip(1))
        {
            var next = bitset();
            Or(next, p.All);
            And(all, next, words);
            if (title is not null)
            {
                Array.Clear(next, 0, words);
                Or(next, p.Title);
                And(title, next, words);
            }
        }
        OrBits(bits, all, words);
        if (title is not null)
        {
            OrBits(inTitle!, title, words);
        }
    }

    /// <summary>Without words: the postings of the filter value held by the fewest entries, or every live entry.</summary>
    private ulong[] FilterDriver(ResolvedCriteria c, Func<ulong[]> bitset)
    {
        var candidates = new List<List<Postings>>();
        if (c.Categories is { } subtree)
        {
            candidates.Add(subtree.Select(id => keys.GetValueOrDefault(FilterKey.Category(id))).OfType<Postings>().ToList());
        }
        if (c.Country is { } country)
        {
            candidates.Add(keys.TryGetValue(FilterKey.Country(country), out var p) ? [p] : []);
        }
        if (c.Currency is { } currency)
        {
            candidates.Add(keys.TryGetValue(FilterKey.Currency(currency), out var p) ? [p] : []);
        }
        if (c.Type is { } type)
        {
            candidates.Add(keys.TryGetValue(FilterKey.Type(type), out var p) ? [p] : []);
        }
        if (candidates.Count == 0)
        {
            return live;
        }
        var bits = bitset();
        foreach (var postings in candidates.MinBy(list => list.Sum(p => (long)p.Count))!)
        {
            Or(bits, postings.All);
        }
        return bits;
    }

    /// <summary>The live positions of <paramref name="driver"/> that pass every filter, in position order.</summary>
    private int Collect(ulong[] driver, int words, ColumnFilter filter, int[] matches)
    {
        var n = 0;
        for (var w = 0; w < words; w++)
        {
            var bits = driver[w] & live[w];
            while (bits != 0)
            {
                var o = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (filter.Passes(o))
                {
                    matches[n++] = o;
                }
            }
        }
        return n;
    }

    private (SearchFacets Facets, bool Exact) Facets(ReadOnlySpan<int> matches, int exactFacets)
    {
        var stride = matches.Length <= exactFacets ? 1 : (matches.Length + exactFacets - 1) / exactFacets;
        var category = new Dictionary<int, long>();
        var country = new long[countries.Count];
        var type = new long[3];
        for (var i = 0; i < matches.Length; i += stride)
        {
            var o = matches[i];
            category[categories[o]] = category.GetValueOrDefault(categories[o]) + 1;
            country[countryOf[o]]++;
            type[types[o]]++;
        }
        // A sample's counts scaled to all matches; the type counts, which add up to the matches, are then exact.
        long total = matches.Length;
        long samples = (matches.Length + stride - 1) / stride;
        long Scale(long sampled) => stride == 1 ? sampled : ((sampled * total) + (samples / 2)) / samples;
        var byCountry = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < country.Length; i++)
        {
            if (country[i] > 0)
            {
                byCountry[countries[i]] = Scale(country[i]);
            }
        }
        var offers = Scale(type[(int)ListingType.Offer]);
        var facets = new SearchFacets(
            new SortedDictionary<int, long>(category.ToDictionary(e => e.Key, e => Scale(e.Value))),
            byCountry,
            new Dictionary<string, long> { ["offer"] = offers, ["request"] = stride == 1 ? type[(int)ListingType.Request] : total - offers });
        return (facets, stride == 1);
    }

    private static void Or(ulong[] bits, ReadOnlySpan<int> ordinals)
    {
        foreach (var o in ordinals)
        {
            bits[o >> 6] |= 1UL << o;
        }
    }

    private static void OrBits(ulong[] into, ulong[] other, int words)
    {
        for (var w = 0; w < words; w++)
        {
            into[w] |= other[w];
        }
    }

    private static void And(ulong[] into, ulong[] other, int words)
    {
        for (var w = 0; w < words; w++)
        {
            into[w] &= other[w];
        }
    }

    private static bool IsEmpty(ulong[] bits, int words)
    {
        for (var w = 0; w < words; w++)
        {
            if (bits[w] != 0)
            {
                return false;
            }
        }
        return true;
    }
}

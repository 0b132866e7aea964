using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>A match as a result page shows it, read from the index's columns.</summary>
internal sealed record IndexHit(
    Guid ListingId, long EntryId, Guid OwnerId, Guid? OrganizationId, ListingType Type, int CategoryId, string Country, string Currency,
    long Price, DateTime PostedAt, bool Highlighted, string Title, string Unit, Guid? PhotoId);

/// <summary>
/// A search's answer: the page in the sort's order over all matches; the total and facets exact up to the limit asked
/// for — beyond it the total is the limit (<see cref="Exact"/> false: "10,000+") and the facets are estimated from an
/// even sample of the matches.
/// </summary>
internal sealed record IndexAnswer(long Total, bool Exact, SearchFacets Facets, IReadOnlyList<IndexHit> Page, string? Suggestion);

/// <summary>
/// MKT-02: answering a search from the index. Each term becomes a bitset of the positions holding it or what it expands
/// to (<see cref="SearchLexicon"/>); the terms' bitsets are intersected — without words, the smallest filter's postings
/// drive. The driving set is scanned in a scattered order of its 64-position blocks, checking every filter on the columns
/// and collecting matches, up to one more than <c>exactUpTo</c>. When the scan ends first, the matches are all there:
/// the total and facets are exact and a bounded heap keeps the page's worth of the sort's first matches. Otherwise the
/// collected matches are an even sample (facets scaled to all blocks), and the page comes from walking the sort's
/// order of every position (<see cref="SortOrders"/>), stopping as soon as no later position can enter the page — so
/// every sort orders all matches, at a cost of the page's depth times how rare matches are.
/// </summary>
internal sealed partial class ListingIndex
{
    public IndexAnswer Search(ResolvedCriteria c, int offset, int limit, int exactUpTo)
    {
        Gate.EnterReadLock();
        try
        {
            return Answer(c, offset, limit, exactUpTo);
        }
        finally
        {
            Gate.ExitReadLock();
        }
    }

    private IndexAnswer Answer(ResolvedCriteria c, int offset, int limit, int exactUpTo)
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
        var matches = ArrayPool<int>.Shared.Rent(Math.Max(1, Math.Min(LiveCount, exactUpTo) + 1));
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
            var (n, visited) = filter.Possible ? Scan(driver, words, filter, matches, exactUpTo + 1) : (0, words);
            var order = new PageOrder(this, c, titleBits);
            if (n <= exactUpTo)
            {
                var page = Page(matches.AsSpan(0, n), order, offset, limit);
                var suggestion = n == 0 && empty.Count > 0 ? Suggest(c.Terms, empty) : null;
                return new IndexAnswer(n, true, Facets(matches.AsSpan(0, n), 1, 1), page, suggestion);
            }
            var facets = Facets(matches.AsSpan(0, n), words, visited);
            if (order.Walkable)
            {
                return new IndexAnswer(exactUpTo, false, facets, Walk(driver, filter, order, offset, limit), null);
            }
            // Relevance to words ranks every match by its own score: all of them are read.
            var all = ArrayPool<int>.Shared.Rent(LiveCount);
            try
            {
                var count = Collect(driver, words, filter, all);
                return new IndexAnswer(exactUpTo, false, facets, Page(all.AsSpan(0, count), order, offset, limit), null);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(all);
            }
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

    /// <summary>
    /// Up to <paramref name="cap"/> live positions of <paramref name="driver"/> that pass every filter, its blocks visited in
    /// a scattered order (a step coprime to their number), so that stopping early leaves an even sample; with how many
    /// blocks were visited.
    /// </summary>
    private (int Count, int Visited) Scan(ulong[] driver, int words, ColumnFilter filter, int[] matches, int cap)
    {
        var step = ScatterStep(words);
        var n = 0;
        for (var i = 0; i < words; i++)
        {
            n = TakeWord(driver, (int)((long)i * step % words), filter, matches, n, cap);
            if (n == cap)
            {
                return (n, i + 1);
            }
        }
        return (n, words);
    }

    /// <summary>A step through <paramref name="words"/> blocks that visits each once, jumping far each time.</summary>
    private static int ScatterStep(int words)
    {
        var step = (words * 5 / 8) | 1;
        while (step > 1 && Gcd(step, words) != 1)
        {
            step += 2;
        }
        return Math.Max(1, step);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>The live positions of <paramref name="driver"/> that pass every filter, in position order.</summary>
    private int Collect(ulong[] driver, int words, ColumnFilter filter, int[] matches)
    {
        var n = 0;
        for (var w = 0; w < words; w++)
        {
            n = TakeWord(driver, w, filter, matches, n, matches.Length);
        }
        return n;
    }

    /// <summary>
    /// Adds the live positions of block <paramref name="w"/> that pass every filter to <paramref name="matches"/> after the
    /// <paramref name="n"/> already there, stopping at <paramref name="cap"/>; the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TakeWord(ulong[] driver, int w, ColumnFilter filter, int[] matches, int n, int cap)
    {
        var bits = driver[w] & live[w];
        while (bits != 0 && n < cap)
        {
            var o = (w << 6) + BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            if (filter.Passes(o))
            {
                matches[n++] = o;
            }
        }
        return n;
    }

    /// <summary>Counts per category, country and type of the matches, scaled by the blocks of all to the blocks they came from.</summary>
    private SearchFacets Facets(ReadOnlySpan<int> matches, long blocks, long visited)
    {
        // Counted in arrays by category id and country code: a dictionary's two lookups a match were most of the cost.
        var category = new long[maxCategory + 1];
        var country = new long[countries.Count];
        var type = new long[3];
        foreach (var o in matches)
        {
            category[categories[o]]++;
            country[countryOf[o]]++;
            type[types[o]]++;
        }
        long Scale(long sampled) => ((sampled * blocks) + (visited / 2)) / visited;
        var byCountry = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < country.Length; i++)
        {
            if (country[i] > 0)
            {
                byCountry[countries[i]] = Scale(country[i]);
            }
        }
        var byCategory = new SortedDictionary<int, long>();
        for (var i = 0; i < category.Length; i++)
        {
            if (category[i] > 0)
            {
                byCategory[i] = Scale(category[i]);
            }
        }
        return new SearchFacets(
            byCategory,
            byCountry,
            new Dictionary<string, long> { ["offer"] = Scale(type[(int)ListingType.Offer]), ["request"] = Scale(type[(int)ListingType.Request]) });
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

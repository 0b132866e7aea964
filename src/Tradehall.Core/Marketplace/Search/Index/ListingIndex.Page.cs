using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>MKT-02: the filters checked on the columns, the page in the sort's order, and "did you mean" (<see cref="ListingIndex"/>).</summary>
internal sealed partial class ListingIndex
{
    /// <summary>Every filter of a search, set up once and checked per position.</summary>
    private readonly struct ColumnFilter
    {
        private readonly ListingIndex index;
        private readonly int type;
        private readonly bool[]? categoryMask;
        private readonly short country;
        private readonly short currency;
        private readonly long[] priced;
        private readonly long min;
        private readonly long max;
        private readonly long since;
        private readonly long after;

        public ColumnFilter(ListingIndex index, ResolvedCriteria c)
        {
            this.index = index;
            Possible = true;
            type = c.Type is { } t ? (int)t : -1;
            if (c.Categories is { } subtree)
            {
                categoryMask = new bool[subtree.Max() + 1];
                foreach (var id in subtree)
                {
                    categoryMask[id] = true;
                }
            }
            country = -1;
            if (c.Country is { } code)
            {
                Possible &= index.countryCodes.TryGetValue(code, out country);
            }
            currency = -1;
            if (c.Currency is { } money)
            {
                Possible &= index.currencyCodes.TryGetValue(money, out var m);
                currency = m;
            }
            // Without a currency a range compares base prices; a listing without one (no rate) is in no range.
            priced = c.Currency is null ? index.priceBases : index.prices;
            min = c.MinPrice ?? long.MinValue;
            max = c.MaxPrice ?? (c.MinPrice is null ? long.MaxValue : NoBasePrice - 1);
            since = c.Since?.Ticks ?? long.MinValue;
            after = c.AfterId ?? long.MinValue;
        }

        public bool Possible { get; }

        public bool Passes(int o)
        {
            var i = index;
            if (type >= 0 && i.types[o] != type)
            {
                return false;
            }
            if (categoryMask is not null && (i.categories[o] >= categoryMask.Length || !categoryMask[i.categories[o]]))
            {
                return false;
            }
            if (country >= 0 && i.countryOf[o] != country)
            {
                return false;
            }
            if (currency >= 0 && i.currencyOf[o] != currency)
            {
                return false;
            }
            var price = priced[o];
            return price >= min && price <= max && i.posted[o] >= since && i.entryIds[o] > after;
        }
    }

    /// <summary>
    /// A search's order as a key pair per position, ascending: descending keys are complemented, and ties fall to the entry
    /// number. Relevance to words counts the terms a title holds (or its category names); without words it is newest.
    /// </summary>
    private readonly struct PageOrder
    {
        private readonly ListingIndex index;
        private readonly List<ulong[]> titleBits;

        public PageOrder(ListingIndex index, ResolvedCriteria c, List<ulong[]> titleBits)
        {
            this.index = index;
            this.titleBits = titleBits;
            Sort = c.Sort == SearchSort.Relevance && titleBits.Count == 0 ? SearchSort.Newest : c.Sort;
            ByBase = c.Currency is null;
            Currency = c.Currency is { } code && index.currencyCodes.TryGetValue(code, out var m) ? m : (byte)0;
        }

        public SearchSort Sort { get; }

        public bool ByBase { get; }

        public byte Currency { get; }

        /// <summary>Whether the order is the same for every search, so it can be walked from a sorted list of positions.</summary>
        public bool Walkable => Sort != SearchSort.Relevance;

        public (long Primary, long Secondary) Key(int o)
        {
            var i = index;
            var id = i.entryIds[o];
            switch (Sort)
            {
                case SearchSort.Price:
                    return (ByBase ? i.priceBases[o] : i.prices[o], id);
                case SearchSort.PriceDesc:
                    return (ByBase && i.priceBases[o] == NoBasePrice ? long.MaxValue : ~(ByBase ? i.priceBases[o] : i.prices[o]), ~id);
                case SearchSort.Newest:
                    return (~i.posted[o], ~id);
                default:
                    long score = 0;
                    foreach (var bits in titleBits)
                    {
                        score += (long)(bits[o >> 6] >> o) & 1;
                    }
                    return (~((score << 40) | ((i.highlighted[o] ? 1L : 0) << 39) | (i.posted[o] / TimeSpan.TicksPerSecond)), ~id);
            }
        }
    }

    /// <summary>The matches at [offset, offset + limit) in the order: a bounded heap keeps the smallest offset + limit keys.</summary>
    private List<IndexHit> Page(ReadOnlySpan<int> matches, PageOrder order, int offset, int limit)
    {
        var k = Math.Min(offset + limit, matches.Length);
        if (offset >= k)
        {
            return [];
        }
        var heap = new KeyHeap(k);
        foreach (var o in matches)
        {
            var (primary, secondary) = order.Key(o);
            heap.Offer(primary, secondary, o);
        }
        return heap.Sorted().Skip(offset).Select(Hit).ToList();
    }

    /// <summary>
    /// The page of a search with more matches than are counted: the positions added since the sorted lists were made are
    /// checked one by one, then the sorted list of the order is walked until the page is full and the next key could not
    /// enter it.
    /// </summary>
    private List<IndexHit> Walk(ulong[] driver, ColumnFilter filter, PageOrder order, int offset, int limit)
    {
        var heap = new KeyHeap(offset + limit);
        var sorted = orders;
        bool Member(int o) => ((driver[o >> 6] & live[o >> 6]) >> o & 1) != 0 && filter.Passes(o);
        for (var o = sorted.UpTo; o < Count; o++)
        {
            if (Member(o))
            {
                var (p, s) = order.Key(o);
                heap.Offer(p, s, o);
            }
        }
        foreach (var (list, from, to, step) in sorted.Segments(order.Sort, order.ByBase, order.Currency))
        {
            for (var i = from; i != to; i += step)
            {
                var o = list[i];
                var (p, s) = order.Key(o);
                if (!heap.Accepts(p, s))
                {
                    break;
                }
                if (Member(o))
                {
                    heap.Offer(p, s, o);
                }
            }
        }
        return heap.Sorted().Skip(offset).Select(Hit).ToList();
    }

    private IndexHit Hit(int o) => new(listingIds[o], entryIds[o], owners[o], organizations[o] == Guid.Empty ? null : organizations[o],
        (ListingType)types[o], categories[o], countries[countryOf[o]], currencies[currencyOf[o]], prices[o],
        new DateTime(posted[o], DateTimeKind.Utc), highlighted[o], titles[o], units[o], photos[o] == Guid.Empty ? null : photos[o]);

    /// <summary>The <c>capacity</c> smallest (primary, secondary) pairs offered, largest on top.</summary>
    private sealed class KeyHeap(int capacity)
    {
        private readonly long[] primary = new long[capacity];
        private readonly long[] secondary = new long[capacity];
        private readonly int[] ordinal = new int[capacity];
        private int size;

        public void Offer(long p, long s, int o)
        {
            if (size < capacity)
            {
                var i = size++;
                Set(i, p, s, o);
                while (i > 0 && Less((i - 1) / 2, i))
                {
                    Swap(i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
                return;
            }
            if (!Accepts(p, s))
            {
                return;
            }
            Set(0, p, s, o);
            var at = 0;
            while (true)
            {
                var largest = at;
                var left = (2 * at) + 1;
                if (left < size && Less(largest, left))
                {
                    largest = left;
                }
                if (left + 1 < size && Less(largest, left + 1))
                {
                    largest = left + 1;
                }
                if (largest == at)
                {
                    return;
                }
                Swap(at, largest);
                at = largest;
            }
        }

        /// <summary>Whether a key would enter the heap: it is not full, or the key is below its largest.</summary>
        public bool Accepts(long p, long s) => size < capacity || p < primary[0] || (p == primary[0] && s < secondary[0]);

        public IEnumerable<int> Sorted()
        {
            var order = Enumerable.Range(0, size).ToArray();
            Array.Sort(order, (a, b) => Less(a, b) ? -1 : Less(b, a) ? 1 : 0);
            return order.Select(i => ordinal[i]);
        }

        private bool Less(int a, int b) => primary[a] < primary[b] || (primary[a] == primary[b] && secondary[a] < secondary[b]);

        private void Set(int i, long p, long s, int o)
        {
            primary[i] = p;
            secondary[i] = s;
            ordinal[i] = o;
        }

        private void Swap(int a, int b)
        {
            (primary[a], primary[b]) = (primary[b], primary[a]);
            (secondary[a], secondary[b]) = (secondary[b], secondary[a]);
            (ordinal[a], ordinal[b]) = (ordinal[b], ordinal[a]);
        }
    }

    /// <summary>
    /// "Did you mean": the query with each word no listing holds replaced by the nearest word of the market's titles,
    /// category names and synonyms (one edit for words of up to five letters, two beyond; the commoner word among equals).
    /// </summary>
    private string? Suggest(IReadOnlyList<SearchTerm> terms, List<SearchTerm> unknown)
    {
        var changed = false;
        var parts = new List<string>();
        foreach (var term in terms)
        {
            var words = term.Words.ToList();
            if (unknown.Contains(term))
            {
                for (var i = 0; i < words.Count; i++)
                {
                    if (Nearest(words[i]) is { } better)
                    {
                        words[i] = better;
                        changed = true;
                    }
                }
            }
            parts.Add(words.Count > 1 ? "\"" + string.Join(' ', words) + "\"" : words[0]);
        }
        return changed ? string.Join(' ', parts) : null;
    }

    private string? Nearest(string word)
    {
        if (word.Length < 3 || word.Any(char.IsDigit) || keys.ContainsKey(SearchAnalyzer.Key(word) ?? ""))
        {
            return null;
        }
        var limit = word.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = limit + 1;
        var bestCount = 0;
        foreach (var candidate in vocabulary.Keys.Concat(Lexicon.Words))
        {
            if (Math.Abs(candidate.Length - word.Length) > limit)
            {
                continue;
            }
            var distance = EditDistance(word, candidate, limit);
            var count = vocabulary.GetValueOrDefault(candidate);
            if (distance < bestDistance || (distance == bestDistance && count > bestCount))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }
        return best is not null && best != word ? best : null;
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours is one edit), or limit + 1 once it must exceed limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}

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
    /// The matches at [offset, offset + limit) in the sort's order: each match gets a key pair whose ascending order is the
    /// sort's — descending ones complemented — and a bounded heap keeps the smallest offset + limit of them.
    /// </summary>
    private List<IndexHit> Page(ReadOnlySpan<int> matches, ResolvedCriteria c, List<ulong[]> titleBits, int offset, int limit)
    {
        var k = Math.Min(offset + limit, matches.Length);
        if (offset >= k)
        {
            return [];
        }
        var heap = new KeyHeap(k);
        var sort = c.Sort == SearchSort.Relevance && titleBits.Count == 0 ? SearchSort.Newest : c.Sort;
        var byBase = c.Currency is null;
        foreach (var o in matches)
        {
            long primary;
            var id = entryIds[o];
            var secondary = ~id;
            switch (sort)
            {
                case SearchSort.Price:
                    primary = byBase ? priceBases[o] : prices[o];
                    secondary = id;
                    break;
                case SearchSort.PriceDesc:
                    primary = byBase && priceBases[o] == NoBasePrice ? long.MaxValue : ~(byBase ? priceBases[o] : prices[o]);
                    break;
                case SearchSort.Newest:
                    primary = ~posted[o];
                    break;
                default:
                    // Terms held in the title (or by the category), then highlighted, then newest.
                    long score = 0;
                    foreach (var bits in titleBits)
                    {
                        score += (long)(bits[o >> 6] >> o) & 1;
                    }
                    primary = ~((score << 40) | ((highlighted[o] ? 1L : 0) << 39) | (posted[o] / TimeSpan.TicksPerSecond));
                    break;
            }
            heap.Offer(primary, secondary, o);
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
            if (p > primary[0] || (p == primary[0] && s >= secondary[0]))
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

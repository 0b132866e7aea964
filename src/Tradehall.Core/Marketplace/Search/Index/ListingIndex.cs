using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>A search entry as the index reads it from <c>marketplace_listing_search</c>.</summary>
internal sealed record IndexedListing(
    long EntryId, Guid ListingId, Guid OwnerId, Guid? OrganizationId, ListingType Type, int CategoryId, string Country, string Currency,
    long Price, long? PriceBase, DateTime PostedAt, bool Highlighted, string Title, string Unit, string Description, Guid? PhotoId);

/// <summary>An entry with the keys <see cref="ListingIndex.Analyze"/> found in it.</summary>
internal sealed record AnalyzedListing(IndexedListing Entry, IReadOnlyList<(string Key, bool InTitle)> Keys, IReadOnlyList<string> TitleWords);

/// <summary>The sorted positions (ordinals) of the entries holding one key, and of those holding it in their title.</summary>
internal sealed class Postings
{
    private int[] all = new int[2];
    private int[] title = [];

    public int Count { get; private set; }

    public int TitleCount { get; private set; }

    public ReadOnlySpan<int> All => all.AsSpan(0, Count);

    public ReadOnlySpan<int> Title => title.AsSpan(0, TitleCount);

    /// <summary>Ordinals only grow, so appending keeps both lists sorted.</summary>
    public void Add(int ordinal, bool inTitle)
    {
        Append(ref all, Count++, ordinal);
        if (inTitle)
        {
            Append(ref title, TitleCount++, ordinal);
        }
    }

    private static void Append(ref int[] list, int at, int value)
    {
        if (at == list.Length)
        {
            Array.Resize(ref list, Math.Max(4, list.Length * 2));
        }
        list[at] = value;
    }
}

/// <summary>
/// MKT-02: one node's in-memory index of the active listings — columns by position for filters, facets and sorts, and
/// postings (key → positions) for words, adjacent word pairs (phrases) and the filter values. An entry that changes is
/// removed (its live bit cleared) and appended at a new position; <see cref="ListingIndexFeed"/> rebuilds the index when
/// removed positions pile up. One writer at a time (the feed) under <see cref="Gate"/>'s write lock; searches hold its
/// read lock, so a search sees a batch of changes whole or not at all.
/// </summary>
internal sealed partial class ListingIndex
{
    public ReaderWriterLockSlim Gate { get; } = new(LockRecursionPolicy.NoRecursion);

    private readonly Dictionary<Guid, int> ordinals = [];
    private readonly Dictionary<string, Postings> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, short> countryCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte> currencyCodes = new(StringComparer.Ordinal);
    private readonly List<string> countries = [];
    private readonly List<string> currencies = [];

    /// <summary>Folded title words and how many entries ever held each: the vocabulary "did you mean" draws on.</summary>
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);

    private long[] entryIds = [];
    private Guid[] listingIds = [];
    private Guid[] owners = [];
    private Guid[] organizations = [];
    private byte[] types = [];
    private int[] categories = [];
    private short[] countryOf = [];
    private byte[] currencyOf = [];
    private long[] prices = [];
    private long[] priceBases = [];
    private long[] posted = [];
    private bool[] highlighted = [];
    private string[] titles = [];
    private string[] units = [];
    private Guid[] photos = [];
    private ulong[] live = [];

    /// <summary>The highest category id an entry was ever put in.</summary>
    private int maxCategory;

    /// <summary>Positions handed out, live or removed.</summary>
    public int Count { get; private set; }

    public int LiveCount { get; private set; }

    public int Removed => Count - LiveCount;

    /// <summary>The words, categories and synonyms a query expands through; replaced whole when the operator edits them.</summary>
    public SearchLexicon Lexicon { get; set; } = SearchLexicon.Empty;

    /// <summary>A base price that no rate gives: sorts put such listings last, ranges leave them out (ANL-03).</summary>
    private const long NoBasePrice = long.MaxValue;

    public bool Contains(Guid listingId) => ordinals.ContainsKey(listingId);

    /// <summary>Adds the entry, or replaces what the index held for its listing.</summary>
    public void Put(AnalyzedListing analyzed)
    {
        var entry = analyzed.Entry;
        Remove(entry.ListingId);
        var o = Count;
        Grow(o + 1);
        Count++;
        LiveCount++;
        ordinals[entry.ListingId] = o;
        entryIds[o] = entry.EntryId;
        listingIds[o] = entry.ListingId;
        owners[o] = entry.OwnerId;
        organizations[o] = entry.OrganizationId ?? Guid.Empty;
        types[o] = (byte)entry.Type;
        categories[o] = entry.CategoryId;
        maxCategory = Math.Max(maxCategory, entry.CategoryId);
        countryOf[o] = Code(countryCodes, countries, entry.Country, n => (short)n);
        currencyOf[o] = Code(currencyCodes, currencies, entry.Currency, n => (byte)n);
        prices[o] = entry.Price;
        priceBases[o] = entry.PriceBase ?? NoBasePrice;
        posted[o] = entry.PostedAt.Ticks;
        highlighted[o] = entry.Highlighted;
        titles[o] = entry.Title;
        units[o] = entry.Unit;
        photos[o] = entry.PhotoId ?? Guid.Empty;
        live[o >> 6] |= 1UL << o;

        foreach (var (key, inTitle) in analyzed.Keys)
        {
            Key(key).Add(o, inTitle);
        }
        Key(FilterKey.Type(entry.Type)).Add(o, false);
        Key(FilterKey.Category(entry.CategoryId)).Add(o, false);
        Key(FilterKey.Country(entry.Country)).Add(o, false);
        Key(FilterKey.Currency(entry.Currency)).Add(o, false);
        foreach (var word in analyzed.TitleWords)
        {
            vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
        }
    }

    public void Remove(Guid listingId)
    {
        if (ordinals.Remove(listingId, out var o))
        {
            live[o >> 6] &= ~(1UL << o);
            LiveCount--;
        }
    }

    /// <summary>
    /// The keys of an entry's words and adjacent word pairs, each once — a key of the title marked so, the title read first
    /// — and the title's words for the vocabulary. Done before <see cref="Put"/>, outside the write lock.
    /// </summary>
    public static AnalyzedListing Analyze(IndexedListing entry)
    {
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (text, inTitle) in new[] { (entry.Title, true), (entry.Description, false) })
        {
            var words = SearchAnalyzer.Keys(text);
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i] is not { } key)
                {
                    continue;
                }
                seen.TryAdd(key, inTitle);
                if (i + 1 < words.Count && words[i + 1] is { } next)
                {
                    seen.TryAdd(SearchAnalyzer.Pair(key, next), inTitle);
                }
            }
        }
        var titleWords = SearchText.Words(entry.Title).Where(w => w.Length > 2 && !char.IsDigit(w[0])).Distinct(StringComparer.Ordinal).ToList();
        return new AnalyzedListing(entry, [.. seen.Select(e => (e.Key, e.Value))], titleWords);
    }

    private Postings Key(string key)
    {
        if (!keys.TryGetValue(key, out var postings))
        {
            postings = new Postings();
            keys[key] = postings;
        }
        return postings;
    }

    private static T Code<T>(Dictionary<string, T> codes, List<string> names, string name, Func<int, T> make)
    {
        if (!codes.TryGetValue(name, out var code))
        {
            code = make(names.Count);
            codes[name] = code;
            names.Add(name);
        }
        return code;
    }

    private void Grow(int needed)
    {
        if (needed <= entryIds.Length)
        {
            return;
        }
        var size = Math.Max(1024, entryIds.Length * 2);
        Array.Resize(ref entryIds, size);
        Array.Resize(ref listingIds, size);
        Array.Resize(ref owners, size);
        Array.Resize(ref organizations, size);
        Array.Resize(ref types, size);
        Array.Resize(ref categories, size);
        Array.Resize(ref countryOf, size);
        Array.Resize(ref currencyOf, size);
        Array.Resize(ref prices, size);
        Array.Resize(ref priceBases, size);
        Array.Resize(ref posted, size);
        Array.Resize(ref highlighted, size);
        Array.Resize(ref titles, size);
        Array.Resize(ref units, size);
        Array.Resize(ref photos, size);
        Array.Resize(ref live, size / 64);
    }
}

/// <summary>Keys of the filter values, in a form no word yields (words hold only letters and digits).</summary>
internal static class FilterKey
{
    public static string Type(ListingType type) => "\u0002t" + ((int)type).ToString(CultureInfo.InvariantCulture);

    public static string Category(int id) => "\u0002c" + id.ToString(CultureInfo.InvariantCulture);

    public static string Country(string code) => "\u0002n" + code;

    public static string Currency(string code) => "\u0002m" + code;
}

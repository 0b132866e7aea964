namespace Tradehall.Core.Marketplace.Search.Index;

/// <summary>
/// Every position up to <see cref="UpTo"/> in the order of each sort that is the same for every search: newest first, by
/// base price (positions without one after the rest), and by currency then price. A search with many matches walks them
/// (<see cref="ListingIndex"/>); removed positions stay in the lists and are skipped.
/// </summary>
internal sealed class SortOrders(int upTo, int[] newest, int[] byBase, int baseNulls, int[] byCurrency, int[] currencyStarts)
{
    public static readonly SortOrders None = new(0, [], [], 0, [], [0]);

    public int UpTo => upTo;

    /// <summary>The stretches of the lists to walk, in order, for a sort by base price (<paramref name="inBase"/>) or within a currency.</summary>
    public IEnumerable<(int[] List, int From, int To, int Step)> Segments(SearchSort sort, bool inBase, byte currency)
    {
        var (start, end) = currency + 1 < currencyStarts.Length ? (currencyStarts[currency], currencyStarts[currency + 1]) : (0, 0);
        return (sort, inBase) switch
        {
            (SearchSort.Price, true) => [(byBase, 0, byBase.Length, 1)],
            // Dearest first, then the positions without a base price, newest entry first, as their keys order them.
            (SearchSort.PriceDesc, true) => [(byBase, baseNulls - 1, -1, -1), (byBase, byBase.Length - 1, baseNulls - 1, -1)],
            (SearchSort.Price, false) => [(byCurrency, start, end, 1)],
            (SearchSort.PriceDesc, false) => [(byCurrency, end - 1, start - 1, -1)],
            _ => [(newest, 0, newest.Length, 1)],
        };
    }
}

internal sealed partial class ListingIndex
{
    private SortOrders orders = SortOrders.None;

    /// <summary>Whether so many positions were added since the lists were sorted that walking them checks too many one by one.</summary>
    public bool OrdersStale => Count - orders.UpTo > Math.Max(1024, Count / 16);

    /// <summary>
    /// Sorts every position into the lists of <see cref="SortOrders"/> and swaps them in. The columns below the count never
    /// change (a changed entry takes a new position), so the sort runs outside the write lock, on the arrays as they were.
    /// </summary>
    public void SortPositions()
    {
        int upTo, currencyCount;
        long[] ids, times, bases, amounts;
        byte[] money;
        Gate.EnterReadLock();
        try
        {
            (upTo, ids, times, bases, amounts, money, currencyCount) = (Count, entryIds, posted, priceBases, prices, currencyOf, currencies.Count);
        }
        finally
        {
            Gate.ExitReadLock();
        }
        int[] Sorted(Comparison<int> comparison)
        {
            var list = new int[upTo];
            for (var i = 0; i < upTo; i++)
            {
                list[i] = i;
            }
            Array.Sort(list, comparison);
            return list;
        }
        var newest = Sorted((a, b) => times[a] != times[b] ? times[b].CompareTo(times[a]) : ids[b].CompareTo(ids[a]));
        var byBase = Sorted((a, b) => bases[a] != bases[b] ? bases[a].CompareTo(bases[b]) : ids[a].CompareTo(ids[b]));
        var byCurrency = Sorted((a, b) => money[a] != money[b] ? money[a].CompareTo(money[b])
            : amounts[a] != amounts[b] ? amounts[a].CompareTo(amounts[b]) : ids[a].CompareTo(ids[b]));
        var baseNulls = Array.FindIndex(byBase, o => bases[o] == NoBasePrice);
        var starts = new int[currencyCount + 1];
        for (int i = 0, c = 0; c <= currencyCount; c++)
        {
            while (i < upTo && money[byCurrency[i]] < c)
            {
                i++;
            }
            starts[c] = i;
        }
        var sorted = new SortOrders(upTo, newest, byBase, baseNulls < 0 ? upTo : baseNulls, byCurrency, starts);
        Gate.EnterWriteLock();
        try
        {
            orders = sorted;
        }
        finally
        {
            Gate.ExitWriteLock();
        }
    }
}

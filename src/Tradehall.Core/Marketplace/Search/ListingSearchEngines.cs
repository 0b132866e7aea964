using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Network;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Marketplace.Search;

/// <summary>
/// MKT-02: the one part of listing search that differs between engines — how the words are matched. SQLite matches
/// through the FTS5 table <c>marketplace_listing_search_fts</c>, PostgreSQL through the GIN index on the weighted
/// 'simple' tsvector of title and body (both made by the Search migration). Query text reaches either only as words
/// of letters and digits (<see cref="SearchText"/>), bound as a parameter.
/// </summary>
public interface IListingSearchEngine
{
    /// <summary>The tables of a query; the search entry is aliased <c>s</c>.</summary>
    string From(bool text);

    /// <summary>The condition that the entry holds every term of the parameter's query.</summary>
    string Match(string parameter);

    /// <summary>The most recently indexed matches first, in the order the text index yields them cheaply.</summary>
    string RecentFirst { get; }

    /// <summary>The terms in the engine's query language.</summary>
    string Query(IReadOnlyList<SearchTerm> terms);

    /// <summary>
    /// A column as an expression no index serves, so the planner takes the index <see cref="ListingSearch"/> chose: the
    /// sort's, or the filters'. Where the planner chooses well from statistics of its own, the column as it is.
    /// </summary>
    string Unindexed(string column);
}

/// <summary>
/// A text index that yields its matches in table order, each visited before they can be sorted (PostgreSQL's GIN bitmap):
/// it also answers which block of entry ids an entry lies in, and the type, country and currency filters, so
/// the window of most recent matches is read block range by block range from the newest, each read costing only the
/// matches in its range that pass the filters.
/// </summary>
public interface IBlockedTextIndex
{
    /// <summary>How many low bits of an entry id its block spans.</summary>
    int BlockBits { get; }

    /// <summary>
    /// The index's query for entries in blocks <paramref name="from"/> up to (not including) <paramref name="to"/>, or in any
    /// block when <paramref name="from"/> is null, that pass the filters it holds; empty when that asks for nothing.
    /// </summary>
    string Tags(ResolvedCriteria c, long? from, long to);

    /// <summary>The condition that the entry matches the parameter's <see cref="Tags"/> query.</summary>
    string HasTags(string parameter);
}

internal sealed class SqliteListingSearchEngine : IListingSearchEngine
{
    public string From(bool text) => text
        ? "marketplace_listing_search_fts JOIN marketplace_listing_search s ON s.\"Id\" = marketplace_listing_search_fts.rowid"
        : "marketplace_listing_search s";

    public string Match(string parameter) => "marketplace_listing_search_fts MATCH " + parameter;

    // FTS5 yields matches in rowid order, newest first here, and stops when the window is full.
    public string RecentFirst => "marketplace_listing_search_fts.rowid DESC";

    // Each term quoted (its words hold only letters and digits): "spruce" "kiln dried"
    public string Query(IReadOnlyList<SearchTerm> terms) =>
        string.Join(' ', terms.Select(t => "\"" + string.Join(' ', t.Words) + "\""));

    // A unary plus keeps SQLite from choosing that column's index, for a filter and for an order alike.
    public string Unindexed(string column) => "+" + column;
}

public sealed class PostgresListingSearchEngine : IListingSearchEngine, IBlockedTextIndex
{
    /// <summary>
    /// 4,096 entries a block: a common word fills the window within a few blocks. The <c>"Tags"</c> vector of migration
    /// <c>SearchBlocks</c> holds <c>b</c> and the id shifted by this many bits, and <c>g</c> and the id shifted by
    /// <see cref="GroupBits"/>: the GIN index's cost grows with the terms of a query, so a range is asked for in groups
    /// of 16 blocks where it can.
    /// </summary>
    public const int BlockBits = 12;

    public const int GroupBits = 16;

    private const long BlocksAGroup = 1L << (GroupBits - BlockBits);

    private const string Vector = "s.\"Words\"";

    int IBlockedTextIndex.BlockBits => BlockBits;

    public string From(bool text) => "marketplace_listing_search s";

    // A query parsed in a subquery is parsed once; in the condition itself, again for every row the bitmap rechecks.
    public string Match(string parameter) => Vector + " @@ (SELECT to_tsquery('simple', " + parameter + "))";

    // The matches come from the GIN bitmap of a block range: an expression in the order keeps the planner off walking the
    // key, which reads every entry of a range until enough pass.
    public string RecentFirst => "s.\"Id\" + 0 DESC";

    // Hidden terms of a vector no word query reaches: b<block>, g<group of blocks>, t<type>, c<country>, m<currency>. A category
    // subtree would be an either-or of a term per category, which cost the index about what the table visits it saved.
    public string Tags(ResolvedCriteria c, long? from, long to)
    {
        var all = new List<string>();
        if (from is { } first)
        {
            var blocks = new List<string>();
            for (var b = first; b < to;)
            {
                var group = b % BlocksAGroup == 0 && b + BlocksAGroup <= to;
                blocks.Add(group ? "g" + (b / BlocksAGroup).ToString(CultureInfo.InvariantCulture) : "b" + b.ToString(CultureInfo.InvariantCulture));
                b += group ? BlocksAGroup : 1;
            }
            all.Add("(" + string.Join(" | ", blocks) + ")");
        }
        if (c.Type is { } type)
        {
            all.Add("t" + ((int)type).ToString(CultureInfo.InvariantCulture));
        }
        if (c.Country is { } country)
        {
            all.Add("c" + country.ToLowerInvariant());
        }
        if (c.Currency is { } currency)
        {
            all.Add("m" + currency.ToLowerInvariant());
        }
        return string.Join(" & ", all);
    }

    public string HasTags(string parameter) => "s.\"Tags\" @@ (SELECT CAST(" + parameter + " AS tsquery))";

    // The words are folded as the vector's text was (migration SearchFolding).
    public string Query(IReadOnlyList<SearchTerm> terms) =>
        string.Join(" & ", terms.Select(t => "(" + string.Join(" <-> ", t.Words.Select(SearchText.FoldLatin)) + ")"));

    // PostgreSQL plans from column statistics, which a wrapped column would lose (it then takes every filter for a rare
    // one and sorts); with every walked index covering the filters, its own choice is the right one.
    public string Unindexed(string column) => column;
}

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

/// <summary>MKT-02: the rows and counts a search reads, and the SQL command it builds (<see cref="ListingSearch"/>).</summary>
public sealed partial class ListingSearch
{
    private static Row ReadRow(DbDataReader r) => new(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.IsDBNull(3) ? null : r.GetGuid(3),
        (ListingType)r.GetInt32(4), r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetInt64(8),
        r.IsDBNull(9) ? null : r.GetInt64(9), DbTime.Read(r, 10),
        r.GetBoolean(11), r.GetString(12), r.GetString(13));

    private sealed record Row(
        long Id, Guid ListingId, Guid OwnerId, Guid? OrganizationId, ListingType Type, int CategoryId, string Country, string Currency,
        long Price, long? PriceBase, DateTime PostedAt, bool Highlighted, string Title, string Unit);

    /// <summary>
    /// A match as counting and sorting a window see it (a value: a window holds a thousand); of the sort keys, only those of
    /// the search's sort are read.
    /// </summary>
    private readonly record struct Hit(long Id, ListingType Type, int CategoryId, string Country)
    {
        public long Price { get; init; }

        public long? PriceBase { get; init; }

        public DateTime PostedAt { get; init; }

        public bool Highlighted { get; init; }

        public string? Title { get; init; }
    }

    /// <summary>Matches of one value of one dimension: a category (<see cref="Key"/>), a country (<see cref="Text"/>) or a type (<see cref="Key"/>).</summary>
    private sealed record Tally(int Dimension, int Key, string Text, long Count)
    {
        public const int Category = 0;
        public const int Country = 1;
        public const int Type = 2;

        /// <summary>Not a count: a window's slice, <see cref="Key"/> its position and <see cref="Count"/> its entry id.</summary>
        public const int Slice = 5;

        /// <summary>Every match has one type: the type counts add up to the matches.</summary>
        public static long Matches(IEnumerable<Tally> tallies) => tallies.Where(t => t.Dimension == Type).Sum(t => t.Count);

        public static IEnumerable<Tally> Of(List<Hit> hits) =>
            hits.CountBy(h => h.CategoryId).Select(g => new Tally(Category, g.Key, "", g.Value))
                .Concat(hits.CountBy(h => h.Country).Select(g => new Tally(Country, 0, g.Key, g.Value)))
                .Concat(hits.CountBy(h => h.Type).Select(g => new Tally(Type, (int)g.Key, "", g.Value)));
    }

    /// <summary>The count table's answer for the filters: the facets, the entries of the whole index, and the index to read few matches by.</summary>
    private sealed record DimensionCounts(List<Tally> Tallies, long EntryCount, string[] Driver, long DriverCost)
    {
        public const int Entries = 3;
        public const int Alone = 4;

        private long Matches => Tally.Matches(Tallies);

        /// <summary>
        /// Whether finding <paramref name="needed"/> matches costs less walking a sort index — about needed × entries ÷
        /// matches steps — than reading the driving filter's matches through its index (<see cref="DriverCost"/> steps)
        /// and sorting those that pass the rest.
        /// </summary>
        public bool Walk(int needed) => Matches > 0 && (Driver.Length == 0 || needed * EntryCount < DriverCost * Matches);
    }

    private sealed record Counted(long Total, bool Exact, SearchFacets Facets)
    {
        public static Counted From(IEnumerable<Tally> tallies, bool exact, int window)
        {
            var category = new SortedDictionary<int, long>();
            var country = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var type = new Dictionary<string, long> { ["offer"] = 0, ["request"] = 0 };
            foreach (var t in tallies)
            {
                switch (t.Dimension)
                {
                    case Tally.Category:
                        category[t.Key] = t.Count;
                        break;
                    case Tally.Country:
                        country[t.Text] = t.Count;
                        break;
                    default:
                        type[(ListingType)t.Key == ListingType.Offer ? "offer" : "request"] = t.Count;
                        break;
                }
            }
            var total = type.Values.Sum();
            return new Counted(exact ? total : Math.Max(total, window), exact, new SearchFacets(category, country, type));
        }
    }

    /// <summary>SQL text with its parameters, bound by name on either engine.</summary>
    private sealed class Command
    {
        private readonly List<(string Name, object Value, DbType Type)> parameters = [];

        public StringBuilder Sql { get; } = new();

        public string Add(object value, DbType type)
        {
            var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value, type));
            return name;
        }

        public DbCommand Create(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = Sql.ToString();
            foreach (var (name, value, type) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.DbType = type;
                p.Value = value;
                command.Parameters.Add(p);
            }
            return command;
        }
    }
}

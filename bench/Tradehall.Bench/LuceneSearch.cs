using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Facet;
using Lucene.Net.Facet.SortedSet;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Tradehall.Core.Marketplace.Listings;

namespace Tradehall.Bench;

/// <summary>
/// The in-process search peer: Lucene.NET 4.8 over the active entries of <c>marketplace_listing_search</c> (read from
/// the SQLite copy of the market). Title and description are indexed twice, by the English analyzer (<c>en</c>) and the
/// Russian one (<c>ru</c>), and a word or phrase of a query matches in either; type, country, currency and every
/// ancestor of the category (so a subtree is one term) are keyword fields, prices and the posting time numeric fields
/// with doc values for the sorts, and category, country and type sorted-set facets, counted exactly per search. A page's
/// ids and titles are read from doc values: as stored fields each document read decompressed its whole block, which made
/// the twenty of a page more than half of a search. A search runs synchronously on the calling thread (the open loop's
/// workers run on the thread pool).
/// </summary>
internal sealed class LuceneSearch : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly string[] TextFields = ["en", "ru"];
    private static readonly string[] FacetDimensions = ["category", "country", "type"];

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly SortedSetDocValuesReaderState _facets;

    private LuceneSearch(Lucene.Net.Store.Directory directory, Analyzer analyzer)
    {
        _directory = directory;
        _analyzer = analyzer;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader);
        _facets = new DefaultSortedSetDocValuesReaderState(_reader);
    }

    public int Documents => _reader.NumDocs;

    /// <summary>
    /// Indexes the entries of the SQLite database <paramref name="sqliteFile"/> into <paramref name="folder"/> on every
    /// core (one reader, a writer thread per core), merged to one segment, and opens it for searching.
    /// </summary>
    public static async Task<(LuceneSearch Search, TimeSpan Elapsed)> BuildAsync(string sqliteFile, string folder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
            new Dictionary<string, Analyzer> { ["en"] = new EnglishAnalyzer(Version), ["ru"] = new RussianAnalyzer(Version) });
        var directory = FSDirectory.Open(folder);
        var config = new FacetsConfig();
        await using var connection = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly");
        await connection.OpenAsync(cancellationToken);
        var lineages = await SearchMix.LineagesAsync(connection, cancellationToken);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 }))
        {
            using var rows = new BlockingCollection<Document>(boundedCapacity: 4096);
            var writers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Factory.StartNew(() =>
            {
                foreach (var document in rows.GetConsumingEnumerable(cancellationToken))
                {
                    writer.AddDocument(config.Build(document));
                }
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT "Id", "Type", "CategoryId", "Country", "Currency", "Price", "PriceBase", "PostedAt", "Title", "Description"
                    FROM marketplace_listing_search
                    """;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(Document(reader, lineages), cancellationToken);
                }
            }
            finally
            {
                rows.CompleteAdding();
            }
            await Task.WhenAll(writers);
            writer.ForceMerge(1);
            writer.Commit();
        }
        return (new LuceneSearch(directory, analyzer), clock.Elapsed);
    }

    private static Document Document(SqliteDataReader row, Dictionary<int, int[]> lineages)
    {
        var id = row.GetInt64(0);
        var type = (ListingType)row.GetInt32(1) == ListingType.Request ? "request" : "offer";
        var category = row.GetInt32(2);
        var country = row.GetString(3);
        var price = row.GetInt64(5);
        var posted = row.GetDateTime(7).Ticks;
        var title = row.GetString(8);
        var text = title + "\n" + row.GetString(9);
        var d = new Document
        {
            new NumericDocValuesField("id_dv", id), new BinaryDocValuesField("title_dv", new BytesRef(title)),
            new TextField("en", text, Field.Store.NO), new TextField("ru", text, Field.Store.NO),
            new StringField("type", type, Field.Store.NO), new StringField("country", country, Field.Store.NO),
            new StringField("currency", row.GetString(4), Field.Store.NO),
            new Int64Field("price", price, Field.Store.NO), new NumericDocValuesField("price_dv", price),
            new Int64Field("posted", posted, Field.Store.NO), new NumericDocValuesField("posted_dv", posted),
            new SortedSetDocValuesFacetField("category", category.ToString(CultureInfo.InvariantCulture)),
            new SortedSetDocValuesFacetField("country", country), new SortedSetDocValuesFacetField("type", type),
        };
        foreach (var ancestor in lineages.GetValueOrDefault(category) ?? [category])
        {
            d.Add(new StringField("cat", ancestor.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        }
        if (!row.IsDBNull(6))
        {
            var priceBase = row.GetInt64(6);
            d.Add(new Int64Field("price_base", priceBase, Field.Store.NO));
            d.Add(new NumericDocValuesField("price_base_dv", priceBase));
        }
        return d;
    }

    /// <summary>
    /// Runs <paramref name="q"/> as a search does: the query built from its text and filters, the page in its sort
    /// (its documents' ids and titles read), the exact category, country and type counts; returns the exact total.
    /// </summary>
    public long Search(MixQuery q)
    {
        var collector = new FacetsCollector();
        var top = FacetsCollector.Search(_searcher, Query(q), null, q.Offset + q.PageSize, Sort(q), collector);
        var facets = new SortedSetDocValuesFacetCounts(_facets, collector);
        foreach (var dimension in FacetDimensions)
        {
            // Every value of the dimension, so the counts are all there; a dimension no match has gives null.
            var values = _facets.GetOrdRange(dimension);
            _ = facets.GetTopChildren(values.End - values.Start + 1, dimension);
        }
        var title = new BytesRef();
        for (var i = q.Offset; i < top.ScoreDocs.Length; i++)
        {
            var doc = top.ScoreDocs[i].Doc;
            var leaf = _reader.Leaves[ReaderUtil.SubIndex(doc, _reader.Leaves)];
            _ = leaf.AtomicReader.GetNumericDocValues("id_dv").Get(doc - leaf.DocBase);
            leaf.AtomicReader.GetBinaryDocValues("title_dv").Get(doc - leaf.DocBase, title);
            _ = title.Utf8ToString();
        }
        return top.TotalHits;
    }

    private Query Query(MixQuery q)
    {
        var filters = new BooleanQuery();
        void Filter(Query query) => filters.Add(query, Occur.MUST);
        if (q.Type is { } type)
        {
            Filter(new TermQuery(new Term("type", type == ListingType.Request ? "request" : "offer")));
        }
        if (q.Category is { } category)
        {
            Filter(new TermQuery(new Term("cat", category.ToString(CultureInfo.InvariantCulture))));
        }
        if (q.Country is { } country)
        {
            Filter(new TermQuery(new Term("country", country)));
        }
        if (q.Currency is { } currency)
        {
            Filter(new TermQuery(new Term("currency", currency)));
        }
        if (q.MinPrice is not null || q.MaxPrice is not null)
        {
            Filter(NumericRangeQuery.NewInt64Range(q.Currency is null ? "price_base" : "price", q.MinPrice, q.MaxPrice, true, true));
        }
        if (q.Since is { } since)
        {
            Filter(NumericRangeQuery.NewInt64Range("posted", since.Ticks, null, true, true));
        }
        var text = new BooleanQuery();
        foreach (var unit in q.Words.Concat(q.Phrases))
        {
            // A word or phrase matches in either language; one of only stop words asks for nothing.
            var either = new BooleanQuery();
            foreach (var field in TextFields)
            {
                if (Analyzed(field, unit) is { } query)
                {
                    either.Add(query, Occur.SHOULD);
                }
            }
            if (either.Clauses.Count > 0)
            {
                text.Add(either, Occur.MUST);
            }
        }
        return (text.Clauses.Count, filters.Clauses.Count) switch
        {
            (0, 0) => new MatchAllDocsQuery(),
            (0, _) => new ConstantScoreQuery(filters),
            (_, 0) => text,
            _ => new FilteredQuery(text, new QueryWrapperFilter(filters)),
        };
    }

    /// <summary>The field's terms of <paramref name="text"/>: one term, a phrase of several (at their positions), or null.</summary>
    private Query? Analyzed(string field, string text)
    {
        var terms = new List<(Term Term, int Position)>();
        using (var stream = _analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                terms.Add((new Term(field, term.ToString()), position));
            }
            stream.End();
        }
        if (terms.Count <= 1)
        {
            return terms.Count == 0 ? null : new TermQuery(terms[0].Term);
        }
        var phrase = new PhraseQuery();
        foreach (var (t, position) in terms)
        {
            phrase.Add(t, position);
        }
        return phrase;
    }

    private static Sort Sort(MixQuery q)
    {
        static SortField Field(string name, bool descending, long? missing = null)
        {
            var field = new SortField(name, SortFieldType.INT64, descending);
            if (missing is { } value)
            {
                field.SetMissingValue(value);
            }
            return field;
        }
        var newest = Field("posted_dv", true);
        return q.Sort switch
        {
            MixSort.Relevance when q.HasText => new Sort(SortField.FIELD_SCORE, newest, Field("id_dv", true)),
            MixSort.Price when q.Currency is not null => new Sort(Field("price_dv", false), Field("id_dv", false)),
            MixSort.PriceDesc when q.Currency is not null => new Sort(Field("price_dv", true), Field("id_dv", true)),
            // Across currencies an entry without a rate has no base price and comes last either way.
            MixSort.Price => new Sort(Field("price_base_dv", false, long.MaxValue), Field("id_dv", false)),
            MixSort.PriceDesc => new Sort(Field("price_base_dv", true, long.MinValue), Field("id_dv", true)),
            _ => new Sort(newest, Field("id_dv", true)),
        };
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}

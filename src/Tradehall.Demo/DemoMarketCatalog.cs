using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradehall.Demo;

/// <summary>
/// What the demo market trades, per category of the seeded taxonomy (Marketplace/Categories/IndustrialTaxonomy.cs):
/// the unit a product is priced in, a price level in roubles, how its sector's prices drift and swing with the seasons,
/// and title words in English and Russian; and where its traders are and how they quote. The figures are in
/// DemoMarketCatalog.json, embedded in this assembly and read once: the timber trade's of the order of the Russian and
/// Baltic wood market in 2026, the other trades' of the order of the Russian wholesale market.
/// </summary>
internal static class DemoMarketCatalog
{
    /// <summary>
    /// A sector (a root of the taxonomy, or a trade within one, as food within agriculture) moves as a whole:
    /// <see cref="Trend"/> per month, a seasonal swing of <see cref="Season"/> around its <see cref="PeakMonth"/>.
    /// Its listings name <see cref="Documents"/>, or the timber trade's <see cref="Certificates"/> when it has none.
    /// </summary>
    internal sealed record Sector(int SectorId, double Trend, double Season, int PeakMonth, Text Lead, Text[] Terms, Text[]? Documents = null);

    /// <summary>One product line of a category; titles are drawn from <see cref="En"/>/<see cref="Ru"/> and a spec.</summary>
    internal sealed record Product(int CategoryId, int SectorId, string Unit, decimal BaseRub, string[] En, string[] Ru, Text[] Specs);

    /// <summary>A phrase in English and Russian; in the data file a pair, or one string where both languages write it alike.</summary>
    [JsonConverter(typeof(TextConverter))]
    internal readonly record struct Text(string En, string Ru)
    {
        public string In(bool russian) => russian ? Ru : En;
    }

    /// <summary>
    /// A place listings come from: ISO country, region, its main city, the share of Russian-speaking posters, and the
    /// region and city in Russian, so a Russian trader's page and listings name them as the trader would; its
    /// <see cref="Weight"/> is how often traders and listings come from it.
    /// </summary>
    internal sealed record Place(string Country, string Region, string City, double Russian, string Locale, string RegionRu, string CityRu, int Weight)
    {
        public string CityIn(bool russian) => russian ? CityRu : City;

        public string RegionIn(bool russian) => russian ? RegionRu : Region;
    }

    /// <summary>A currency a country's traders quote in, and how often.</summary>
    internal sealed record Quoted(string Currency, int Weight);

    /// <summary>The data file's shape. A product's specs are the name of a shared list in <see cref="Specs"/>, or a list of their own.</summary>
    private sealed record CatalogFile(
        Sector[] Sectors, Dictionary<string, Text[]> Specs, ProductEntry[] Products, Place[] Places, Dictionary<string, Quoted[]> Currencies,
        Dictionary<string, decimal> RateLevels, Dictionary<string, string[]> LegalForms, Text[] Incoterms, Text[] Payments, Text[] Certificates,
        Text[] RequestPrefixes, OrganizationNames OrganizationNames);

    private sealed record ProductEntry(int CategoryId, int SectorId, string Unit, decimal BaseRub, string[] En, string[] Ru, JsonElement Specs);

    private sealed record OrganizationNames(string[] StemsRu, string[] EndsRu, string[] StemsEn, string[] EndsEn);

    /// <summary>The key of <see cref="CatalogFile.Currencies"/> and <see cref="CatalogFile.LegalForms"/> for every other country.</summary>
    private const string OtherCountries = "*";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static readonly CatalogFile Catalog = Load();

    /// <summary>Sectors by id.</summary>
    public static readonly IReadOnlyDictionary<int, Sector> Sectors = Catalog.Sectors.ToDictionary(s => s.SectorId);

    public static readonly IReadOnlyList<Product> Products =
    [
        .. Catalog.Products.Select(p => new Product(p.CategoryId, p.SectorId, p.Unit, p.BaseRub, p.En, p.Ru,
            p.Specs.ValueKind == JsonValueKind.String ? Catalog.Specs[p.Specs.GetString()!] : p.Specs.Deserialize<Text[]>(Json)!)),
    ];

    /// <summary>Weighted toward north-west Russia and Siberia, then the Nordic and Baltic buyers and sellers, then Germany and China.</summary>
    public static readonly IReadOnlyList<Place> Places = Catalog.Places;

    /// <summary>Roubles per unit of a currency in the middle of the demo period, before its monthly drift.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> RateLevels = Catalog.RateLevels;

    public static readonly Text[] Incoterms = Catalog.Incoterms;

    public static readonly Text[] Payments = Catalog.Payments;

    public static readonly Text[] Certificates = Catalog.Certificates;

    public static readonly Text[] RequestPrefixes = Catalog.RequestPrefixes;

    public static readonly string[] OrganizationStemsRu = Catalog.OrganizationNames.StemsRu;
    public static readonly string[] OrganizationEndsRu = Catalog.OrganizationNames.EndsRu;
    public static readonly string[] OrganizationStemsEn = Catalog.OrganizationNames.StemsEn;
    public static readonly string[] OrganizationEndsEn = Catalog.OrganizationNames.EndsEn;

    /// <summary>Currencies a country's traders quote in, with weights.</summary>
    public static Quoted[] CurrenciesOf(string country) => Catalog.Currencies.GetValueOrDefault(country) ?? Catalog.Currencies[OtherCountries];

    /// <summary>The legal form of a company of <paramref name="country"/>: where there are several, <paramref name="pick"/> chooses.</summary>
    public static string LegalForm(string country, int pick)
    {
        var forms = Catalog.LegalForms.GetValueOrDefault(country) ?? Catalog.LegalForms[OtherCountries];
        return forms[pick % forms.Length];
    }

    private static CatalogFile Load()
    {
        using var stream = typeof(DemoMarketCatalog).Assembly.GetManifestResourceStream("Tradehall.Demo.DemoMarketCatalog.json")
            ?? throw new InvalidOperationException("DemoMarketCatalog.json is not embedded in the demo assembly.");
        return JsonSerializer.Deserialize<CatalogFile>(stream, Json)
            ?? throw new InvalidOperationException("DemoMarketCatalog.json is empty.");
    }

    /// <summary>Reads a <see cref="Text"/> from <c>["English", "Russian"]</c>, or from one string both languages share.</summary>
    private sealed class TextConverter : JsonConverter<Text>
    {
        public override Text Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var both = reader.GetString()!;
                return new Text(both, both);
            }
            var pair = JsonSerializer.Deserialize<string[]>(ref reader, options);
            return pair is [var en, var ru] ? new Text(en, ru) : throw new JsonException("A text is a string or a pair [English, Russian].");
        }

        public override void Write(Utf8JsonWriter writer, Text value, JsonSerializerOptions options)
        {
            if (value.En == value.Ru)
            {
                writer.WriteStringValue(value.En);
                return;
            }
            JsonSerializer.Serialize(writer, new[] { value.En, value.Ru }, options);
        }
    }
}

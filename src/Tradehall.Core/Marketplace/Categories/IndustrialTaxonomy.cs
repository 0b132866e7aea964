using System.Text.Json.Serialization;

namespace Tradehall.Core.Marketplace.Categories;

/// <summary>
/// MKT-01, MKT-02: the taxonomy a fresh site starts with — timber and wood products in depth, then paper, panels,
/// bioenergy and machinery, then the other industrial trades: metals, building materials, chemicals and plastics,
/// agriculture and food, fuel and energy, packaging, textiles, and transport services — with the words traders use for
/// each besides its names (species, materials, grades and trade names in English and Russian, in the stored form of
/// <see cref="Synonyms.SynonymWords"/>). The tree is the embedded file industrial-taxonomy.json. Ids are fixed there, so
/// every installation names a category the same way: 1–69 are the first timber taxonomy, 100–999 the trades added since
/// (a database seeded before gets them from migration 202612071010), and the operator's own categories start at
/// <see cref="FirstOperatorId"/>.
/// </summary>
internal static class IndustrialTaxonomy
{
    public const int FirstOperatorId = 10_000;

    private const string Resource = "Tradehall.Core.Marketplace.Categories.industrial-taxonomy.json";

    // A misspelt key in the file fails the seeding instead of leaving a field empty.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private sealed record Node(int Id, string Code, string En, string Ru, string? Synonyms, Node[]? Children);

    public static IEnumerable<Category> Categories()
    {
        using var stream = typeof(IndustrialTaxonomy).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The seeded taxonomy {Resource} is not embedded.");
        var roots = JsonSerializer.Deserialize<Node[]>(stream, Json) ?? [];

        IEnumerable<Category> Walk(Node node, int? parent, int order) =>
            (node.Children ?? []).SelectMany((child, i) => Walk(child, node.Id, i))
                .Prepend(new Category
                {
                    Id = node.Id, ParentId = parent, Code = node.Code, NameEn = node.En, NameRu = node.Ru, SortOrder = order,
                    Synonyms = node.Synonyms ?? "",
                });
        return roots.SelectMany((root, i) => Walk(root, null, i)).ToList();
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02: the operator's global synonym list, started with the words traders of timber, metals, building materials,
/// food and fuel use in English and Russian for the same thing.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071011_SearchSynonyms")]
public sealed class SearchSynonyms : Migration
{
    private static readonly string[] Groups =
    [
        "pine, сосна, sosna, сосновый",
        "spruce, fir, ель, ёлка, еловый",
        "birch, берёза, береза, берёзовый",
        "oak, дуб, дубовый",
        "larch, лиственница, лиственничный",
        "aspen, осина, осиновый",
        "ash, ясень",
        "cedar, кедр, кедровый",
        "board, plank, доска",
        "beam, squared timber, брус",
        "batten, lath, рейка, брусок",
        "lumber, timber, sawn timber, пиломатериалы, пиломатериал",
        "logs, roundwood, круглый лес, кругляк, брёвна",
        "plywood, фанера",
        "OSB, ОСП, ОСБ",
        "MDF, МДФ",
        "particleboard, chipboard, ДСП",
        "kiln-dried, kiln dried, камерной сушки, сухой",
        "pellets, пеллеты, пелеты, гранулы",
        "briquettes, брикеты",
        "wood chips, щепа",
        "sawdust, опилки",
        "firewood, дрова",
        "cardboard, paperboard, картон",
        "paper, бумага",
        "pulp, целлюлоза",
        "rebar, reinforcing bar, арматура",
        "steel, сталь, стальной",
        "sheet, plate, лист",
        "pipe, tube, труба",
        "scrap, металлолом, лом",
        "aluminium, aluminum, алюминий",
        "copper, медь",
        "cement, цемент",
        "concrete, бетон",
        "brick, кирпич",
        "insulation, утеплитель, теплоизоляция",
        "wheat, пшеница",
        "barley, ячмень",
        "corn, maize, кукуруза",
        "sunflower, подсолнечник",
        "sunflower oil, подсолнечное масло",
        "sugar, сахар",
        "fertilizer, fertiliser, удобрения",
        "polyethylene, PE, полиэтилен",
        "diesel, diesel fuel, дизельное топливо, дизтопливо, ДТ",
        "coal, уголь",
        "pallet, поддон, паллета",
        "excavator, экскаватор",
        "tractor, трактор",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketplace_search_synonyms",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Words = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_search_synonyms", x => x.Id));
        // Ids are left to the database, so groups the operator adds later never meet a taken one.
        migrationBuilder.Sql("INSERT INTO marketplace_search_synonyms (\"Words\") VALUES\n" +
            string.Join(",\n", Groups.Select(g => "('" + g.Replace("'", "''", StringComparison.Ordinal) + "')")));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "marketplace_search_synonyms");
}

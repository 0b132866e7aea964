using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MKT-01: the listing taxonomy; the industrial one is added at start when the table is empty.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611280600_Categories")]
public sealed class AddCategories : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketplace_categories",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                ParentId = table.Column<int>(nullable: true),
                Code = table.Column<string>(maxLength: 60, nullable: false),
                NameEn = table.Column<string>(maxLength: 100, nullable: false),
                NameRu = table.Column<string>(maxLength: 100, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_categories", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_categories_Code", table: "marketplace_categories", column: "Code", unique: true);
        migrationBuilder.CreateIndex(name: "IX_marketplace_categories_ParentId", table: "marketplace_categories", column: "ParentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "marketplace_categories");
}

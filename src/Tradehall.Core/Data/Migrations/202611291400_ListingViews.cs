using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// ANL-04: the marks of counted views live in the database, so a viewer opening a listing again within the repeat window
/// is not counted twice whichever node answers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611291400_ListingViews")]
public sealed class ListingViews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketplace_listing_views",
            columns: table => new
            {
                ListingId = table.Column<Guid>(nullable: false),
                Viewer = table.Column<string>(maxLength: 44, nullable: false),
                CountedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_listing_views", x => new { x.ListingId, x.Viewer }));
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_views_CountedAt", table: "marketplace_listing_views", column: "CountedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "marketplace_listing_views");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02: every index a search walks covers every filter column, so a walk checks filters without reading table rows.
/// The posting-day index goes (the recent index starts with the same column and covers the filters); the two price
/// indexes are replaced by covering ones.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611291000_SearchPlans")]
public sealed class SearchPlans : Migration
{
    private const string Table = "marketplace_listing_search";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_PostedAt", table: Table);
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_Currency_Price", table: Table);
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_PriceBase", table: Table);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_price", table: Table,
            columns: ["Currency", "Price", "Id", "Type", "CategoryId", "Country", "PostedAt"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_price_base", table: Table,
            columns: ["PriceBase", "Id", "Type", "CategoryId", "Country", "Currency", "PostedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_price_base", table: Table);
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_price", table: Table);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_PriceBase", table: Table, column: "PriceBase");
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_Currency_Price", table: Table, columns: ["Currency", "Price"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_PostedAt", table: Table, column: "PostedAt");
    }
}

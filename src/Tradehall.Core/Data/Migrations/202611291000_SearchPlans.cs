using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02: the posting-day index goes; the recent index starts with the same column and covers every filter, so a walk
/// newest first checks filters without reading table rows instead of choosing the narrower index that must.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611291000_SearchPlans")]
public sealed class SearchPlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_PostedAt", table: "marketplace_listing_search");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_PostedAt", table: "marketplace_listing_search", column: "PostedAt");
}

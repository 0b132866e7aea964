using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>ANL-02: the archive of monthly price reviews, one per month and top-level category.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611281400_PriceReviews")]
public sealed class AddPriceReviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "analytics_price_reviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                Figures = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_analytics_price_reviews", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_analytics_price_reviews_Month_CategoryId", table: "analytics_price_reviews", columns: ["Month", "CategoryId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "analytics_price_reviews");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// ANL-02: price reviews keep every unit apart. Reviews made before have version 1 — their medians mixed units — and
/// are made again from the listings, keeping their ids, so links in emails already sent still lead to them.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070930_PriceReviewUnits")]
public sealed class PriceReviewUnits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>(name: "FiguresVersion", table: "analytics_price_reviews", nullable: false, defaultValue: 1);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "FiguresVersion", table: "analytics_price_reviews");
}

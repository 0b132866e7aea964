using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MKT-08: quotes in trade chats and the deals accepted quotes become.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611281300_Quotes")]
public sealed class AddQuotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketplace_quotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChatId = table.Column<Guid>(nullable: false),
                MessageId = table.Column<long>(nullable: false),
                FromId = table.Column<Guid>(nullable: false),
                ToId = table.Column<Guid>(nullable: false),
                ListingId = table.Column<Guid>(nullable: true),
                Price = table.Column<long>(nullable: false),
                Currency = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                Unit = table.Column<string>(maxLength: 20, nullable: false),
                Quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                Incoterms = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                DeliveryPlace = table.Column<string>(maxLength: 500, nullable: false),
                ValidUntil = table.Column<DateOnly>(nullable: false),
                Comment = table.Column<string>(maxLength: 10_000, nullable: true),
                Culture = table.Column<string>(maxLength: 8, nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_quotes", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_quotes_ChatId_MessageId", table: "marketplace_quotes", columns: ["ChatId", "MessageId"], unique: true);

        migrationBuilder.CreateTable(
            name: "marketplace_deals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                QuoteId = table.Column<Guid>(nullable: false),
                SellerId = table.Column<Guid>(nullable: false),
                BuyerId = table.Column<Guid>(nullable: false),
                ChatId = table.Column<Guid>(nullable: false),
                ListingId = table.Column<Guid>(nullable: true),
                Price = table.Column<long>(nullable: false),
                Currency = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                Unit = table.Column<string>(maxLength: 20, nullable: false),
                Quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                Incoterms = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                DeliveryPlace = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_deals", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_deals_QuoteId", table: "marketplace_deals", column: "QuoteId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_marketplace_deals_SellerId_CreatedAt", table: "marketplace_deals", columns: ["SellerId", "CreatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_deals_BuyerId_CreatedAt", table: "marketplace_deals", columns: ["BuyerId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "marketplace_deals");
        migrationBuilder.DropTable(name: "marketplace_quotes");
    }
}

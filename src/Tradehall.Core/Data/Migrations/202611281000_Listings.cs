using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MKT-01, MKT-02, ANL-03: listings with photos, the search index table and the operator's exchange rates.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611281000_Listings")]
public sealed class AddListings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketplace_listings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                OrganizationId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Description = table.Column<string>(nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                Price = table.Column<long>(nullable: false),
                Currency = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                Unit = table.Column<string>(maxLength: 20, nullable: false),
                Quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                Country = table.Column<string>(fixedLength: true, maxLength: 2, nullable: false),
                Region = table.Column<string>(maxLength: 100, nullable: false),
                PostedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                ExpiryWarnedAt = table.Column<DateTime>(nullable: true),
                Views = table.Column<long>(nullable: false),
                Inquiries = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_listings", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_listings_OwnerId_Status", table: "marketplace_listings", columns: ["OwnerId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listings_OrganizationId", table: "marketplace_listings", column: "OrganizationId");
        migrationBuilder.CreateIndex(name: "IX_marketplace_listings_Status_ExpiresAt", table: "marketplace_listings", columns: ["Status", "ExpiresAt"]);

        migrationBuilder.CreateTable(
            name: "marketplace_listing_photos",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ListingId = table.Column<Guid>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 100, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_listing_photos", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_photos_ListingId_Position", table: "marketplace_listing_photos", columns: ["ListingId", "Position"]);

        migrationBuilder.CreateTable(
            name: "marketplace_listing_search",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ListingId = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Type = table.Column<int>(nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                Country = table.Column<string>(fixedLength: true, maxLength: 2, nullable: false),
                Currency = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                Price = table.Column<long>(nullable: false),
                PriceBase = table.Column<long>(nullable: true),
                PostedAt = table.Column<DateTime>(nullable: false),
                Highlighted = table.Column<bool>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Description = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_listing_search", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_ListingId", table: "marketplace_listing_search", column: "ListingId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_OwnerId", table: "marketplace_listing_search", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_PostedAt", table: "marketplace_listing_search", column: "PostedAt");
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_CategoryId_PostedAt", table: "marketplace_listing_search", columns: ["CategoryId", "PostedAt"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_Type_PostedAt", table: "marketplace_listing_search", columns: ["Type", "PostedAt"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_Country_PostedAt", table: "marketplace_listing_search", columns: ["Country", "PostedAt"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_PriceBase", table: "marketplace_listing_search", column: "PriceBase");

        migrationBuilder.CreateTable(
            name: "marketplace_exchange_rates",
            columns: table => new
            {
                Currency = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                Rate = table.Column<decimal>(precision: 20, scale: 10, nullable: false),
                SetBy = table.Column<Guid>(nullable: false),
                SetAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_exchange_rates", x => new { x.Currency, x.ValidFrom }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "marketplace_exchange_rates");
        migrationBuilder.DropTable(name: "marketplace_listing_search");
        migrationBuilder.DropTable(name: "marketplace_listing_photos");
        migrationBuilder.DropTable(name: "marketplace_listings");
    }
}

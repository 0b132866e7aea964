using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MKT-06: complaints about listings, for the moderation queue.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611281100_ListingComplaints")]
public sealed class AddListingComplaints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketplace_listing_complaints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ListingId = table.Column<Guid>(nullable: false),
                ReporterId = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(nullable: false),
                ListingTitle = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_listing_complaints", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_complaints_ListingId_ReporterId", table: "marketplace_listing_complaints",
            columns: ["ListingId", "ReporterId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_complaints_CreatedAt", table: "marketplace_listing_complaints", column: "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "marketplace_listing_complaints");
}

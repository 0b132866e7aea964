using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MKT-02: each listing photo may keep a thumbnail for search results, made the first time one is asked for.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071040_ListingPhotoThumbnails")]
public sealed class ListingPhotoThumbnails : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "ThumbnailKey", table: "marketplace_listing_photos", maxLength: 100, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "ThumbnailKey", table: "marketplace_listing_photos");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// NET-06: profiles and organizations get transliteration keys, so «Петрова» finds Petrova and back. The keys' reduction
/// (NameSkeleton) cannot be written in SQL, so rows that exist get version 0 and empty keys here, and DirectoryKeys fills
/// them at the next start; until then they are found by their folded columns, as before.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071020_DirectoryTransliteration")]
public sealed class DirectoryTransliteration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SearchNameKey", table: "network_profiles", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "SearchCityKey", table: "network_profiles", nullable: true);
        migrationBuilder.AddColumn<int>(name: "SearchKeyVersion", table: "network_profiles", nullable: false, defaultValue: 0);
        migrationBuilder.CreateIndex(name: "IX_network_profiles_SearchKeyVersion", table: "network_profiles", column: "SearchKeyVersion");

        migrationBuilder.AddColumn<string>(name: "SearchNameKey", table: "network_organizations", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "SearchCityKey", table: "network_organizations", nullable: true);
        migrationBuilder.AddColumn<string>(name: "SearchIndustryKey", table: "network_organizations", nullable: true);
        migrationBuilder.AddColumn<int>(name: "SearchKeyVersion", table: "network_organizations", nullable: false, defaultValue: 0);
        migrationBuilder.CreateIndex(name: "IX_network_organizations_SearchKeyVersion", table: "network_organizations", column: "SearchKeyVersion");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_network_organizations_SearchKeyVersion", table: "network_organizations");
        migrationBuilder.DropColumn(name: "SearchKeyVersion", table: "network_organizations");
        migrationBuilder.DropColumn(name: "SearchIndustryKey", table: "network_organizations");
        migrationBuilder.DropColumn(name: "SearchCityKey", table: "network_organizations");
        migrationBuilder.DropColumn(name: "SearchNameKey", table: "network_organizations");

        migrationBuilder.DropIndex(name: "IX_network_profiles_SearchKeyVersion", table: "network_profiles");
        migrationBuilder.DropColumn(name: "SearchKeyVersion", table: "network_profiles");
        migrationBuilder.DropColumn(name: "SearchCityKey", table: "network_profiles");
        migrationBuilder.DropColumn(name: "SearchNameKey", table: "network_profiles");
    }
}

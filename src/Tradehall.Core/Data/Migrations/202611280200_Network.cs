using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>NET-01..06: page fields with their visibility, comments, contacts, organizations and directory search columns.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611280200_Network")]
public sealed class AddNetwork : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, length) in new[] { ("City", 200), ("Position", 200), ("Company", 200), ("Education", 200), ("About", 4000), ("PhotoKey", 100), ("SearchCity", 200) })
        {
            migrationBuilder.AddColumn<string>(name: name, table: "network_profiles", maxLength: length, nullable: true);
        }
        migrationBuilder.AddColumn<string>(name: "SearchName", table: "network_profiles", maxLength: 300, nullable: false, defaultValue: "");
        foreach (var name in new[] { "PhotoVisibility", "CityVisibility", "WorkVisibility", "EducationVisibility", "AboutVisibility", "ContactsVisibility" })
        {
            migrationBuilder.AddColumn<int>(name: name, table: "network_profiles", nullable: false, defaultValue: 1);
        }
        migrationBuilder.CreateIndex(name: "IX_network_profiles_SearchCity", table: "network_profiles", column: "SearchCity");
        // Pages made before these columns take the city and name of registration; PostgreSQL folds Unicode case here,
        // SQLite only ASCII until the member next saves the page (the application folds in C#).
        migrationBuilder.Sql("""
            UPDATE network_profiles SET
              "City" = (SELECT u."City" FROM accounts_users u WHERE u."Id" = network_profiles."MemberId"),
              "SearchCity" = (SELECT lower(u."City") FROM accounts_users u WHERE u."Id" = network_profiles."MemberId"),
              "SearchName" = (SELECT lower(u."FirstName" || ' ' || u."LastName" || ' ' || network_profiles."Handle") FROM accounts_users u WHERE u."Id" = network_profiles."MemberId")
            """);

        migrationBuilder.CreateTable(
            name: "network_comments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PageOwnerId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_network_comments", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_network_comments_PageOwnerId_CreatedAt", table: "network_comments", columns: ["PageOwnerId", "CreatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_network_comments_AuthorId", table: "network_comments", column: "AuthorId");

        migrationBuilder.CreateTable(
            name: "network_contacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequesterId = table.Column<Guid>(nullable: false),
                AddresseeId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_network_contacts", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_network_contacts_RequesterId_AddresseeId", table: "network_contacts", columns: ["RequesterId", "AddresseeId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_network_contacts_AddresseeId_Status", table: "network_contacts", columns: ["AddresseeId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_network_contacts_RequesterId_CreatedAt", table: "network_contacts", columns: ["RequesterId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "network_organizations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                LegalForm = table.Column<string>(maxLength: 100, nullable: true),
                Industry = table.Column<string>(maxLength: 200, nullable: true),
                Country = table.Column<string>(maxLength: 2, nullable: true),
                City = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                Website = table.Column<string>(maxLength: 300, nullable: true),
                LogoKey = table.Column<string>(maxLength: 100, nullable: true),
                CreatedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SearchName = table.Column<string>(maxLength: 200, nullable: false),
                SearchCity = table.Column<string>(maxLength: 200, nullable: true),
                SearchIndustry = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_network_organizations", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_network_organizations_Slug", table: "network_organizations", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_network_organizations_SearchCity", table: "network_organizations", column: "SearchCity");
        migrationBuilder.CreateIndex(name: "IX_network_organizations_SearchIndustry", table: "network_organizations", column: "SearchIndustry");

        migrationBuilder.CreateTable(
            name: "network_organization_members",
            columns: table => new
            {
                OrganizationId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_network_organization_members", x => new { x.OrganizationId, x.MemberId }));
        migrationBuilder.CreateIndex(name: "IX_network_organization_members_MemberId", table: "network_organization_members", column: "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "network_organization_members");
        migrationBuilder.DropTable(name: "network_organizations");
        migrationBuilder.DropTable(name: "network_contacts");
        migrationBuilder.DropTable(name: "network_comments");
        migrationBuilder.DropIndex(name: "IX_network_profiles_SearchCity", table: "network_profiles");
        foreach (var name in new[] { "City", "Position", "Company", "Education", "About", "PhotoKey", "SearchCity", "SearchName",
            "PhotoVisibility", "CityVisibility", "WorkVisibility", "EducationVisibility", "AboutVisibility", "ContactsVisibility" })
        {
            migrationBuilder.DropColumn(name: name, table: "network_profiles");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>PRV-03: members' requests for a copy of their data, at most one in preparation per member.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612080100_PrivacyExports")]
public sealed class PrivacyExports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "privacy_exports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                ReadyAt = table.Column<DateTime>(nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: true),
                FileKey = table.Column<string>(maxLength: 100, nullable: true),
                Size = table.Column<long>(nullable: true),
                LockedUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_privacy_exports", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_privacy_exports_MemberId_RequestedAt", table: "privacy_exports", columns: ["MemberId", "RequestedAt"]);
        migrationBuilder.CreateIndex(name: "IX_privacy_exports_Status_ExpiresAt", table: "privacy_exports", columns: ["Status", "ExpiresAt"]);
        migrationBuilder.CreateIndex(name: "IX_privacy_exports_one_pending", table: "privacy_exports", column: "MemberId", unique: true, filter: "\"Status\" = 1");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "privacy_exports");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// ACC-05, SEC-06: browsers that signed in to an account keep their own count of wrong passwords, so failures typed
/// elsewhere cannot lock the owner out of their usual browser.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070400_KnownDevices")]
public sealed class KnownDevices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "accounts_known_devices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSignInAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                Failures = table.Column<int>(nullable: false),
                LockedUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_known_devices", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_known_devices_accounts_users_MemberId",
                    column: x => x.MemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_accounts_known_devices_MemberId", table: "accounts_known_devices", column: "MemberId");
        migrationBuilder.CreateIndex(name: "IX_accounts_known_devices_TokenHash", table: "accounts_known_devices", column: "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "accounts_known_devices");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>NET-01, NET-07, NTF-01: personal page handles, blocks and the notification centre.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611280100_NetworkContracts")]
public sealed class AddNetworkContracts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "network_profiles",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                Handle = table.Column<string>(maxLength: 40, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_network_profiles", x => x.MemberId));
        migrationBuilder.CreateIndex(name: "IX_network_profiles_Handle", table: "network_profiles", column: "Handle", unique: true);

        // Members registered before pages existed get a handle from their id, unique by construction.
        migrationBuilder.Sql(migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? """INSERT INTO network_profiles ("MemberId", "Handle", "CreatedAt") SELECT "Id", 'member-' || replace("Id"::text, '-', ''), "RegisteredAt" FROM accounts_users"""
            : """INSERT INTO network_profiles ("MemberId", "Handle", "CreatedAt") SELECT "Id", 'member-' || lower(replace("Id", '-', '')), "RegisteredAt" FROM accounts_users""");

        migrationBuilder.CreateTable(
            name: "network_blocks",
            columns: table => new
            {
                BlockerId = table.Column<Guid>(nullable: false),
                BlockedId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_network_blocks", x => new { x.BlockerId, x.BlockedId }));
        migrationBuilder.CreateIndex(name: "IX_network_blocks_BlockedId", table: "network_blocks", column: "BlockedId");

        migrationBuilder.CreateTable(
            name: "notifications_items",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Type = table.Column<int>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorName = table.Column<string>(maxLength: 200, nullable: true),
                Excerpt = table.Column<string>(maxLength: 200, nullable: true),
                Link = table.Column<string>(maxLength: 300, nullable: false),
                Group = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_notifications_items", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_notifications_items_MemberId_CreatedAt", table: "notifications_items", columns: ["MemberId", "CreatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_notifications_items_MemberId_Group_ReadAt", table: "notifications_items", columns: ["MemberId", "Group", "ReadAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "notifications_items");
        migrationBuilder.DropTable(name: "network_blocks");
        migrationBuilder.DropTable(name: "network_profiles");
    }
}

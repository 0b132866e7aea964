using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>NTF-01, NTF-03: members' notification preferences and the digest mark of chat messages.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611280400_NotificationCentre")]
public sealed class AddNotificationCentre : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "DigestedAt", table: "notifications_items", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_notifications_items_Type_DigestedAt_CreatedAt", table: "notifications_items",
            columns: ["Type", "DigestedAt", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "notifications_preferences",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                Type = table.Column<int>(nullable: false),
                Channel = table.Column<int>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_notifications_preferences", x => new { x.MemberId, x.Type, x.Channel }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "notifications_preferences");
        migrationBuilder.DropIndex(name: "IX_notifications_items_Type_DigestedAt_CreatedAt", table: "notifications_items");
        migrationBuilder.DropColumn(name: "DigestedAt", table: "notifications_items");
    }
}

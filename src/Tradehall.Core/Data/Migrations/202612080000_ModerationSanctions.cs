using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>OPS-02..04: the operator's sanctions (recorded violations); BIL-18: since when an account is suspended as a sanction.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612080000_ModerationSanctions")]
public sealed class ModerationSanctions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "moderation_sanctions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                ComplaintId = table.Column<Guid>(nullable: true),
                Restrictions = table.Column<string>(maxLength: 60, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ImposedBy = table.Column<Guid>(nullable: false),
                LiftedAt = table.Column<DateTime>(nullable: true),
                LiftedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_moderation_sanctions", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_moderation_sanctions_MemberId_At", table: "moderation_sanctions", columns: ["MemberId", "At"]);
        migrationBuilder.AddColumn<DateOnly>(name: "EnforcementSuspendedOn", table: "billing_accounts", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "EnforcementSuspendedOn", table: "billing_accounts");
        migrationBuilder.DropTable(name: "moderation_sanctions");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// BIL-14: announced tariff changes and their addressees with each one's objection or silent acceptance; a new tariff
/// announced ahead goes on sale on its day.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612072040_TariffAnnouncements")]
public sealed class TariffAnnouncements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "OnSaleFrom", table: "billing_tariffs", nullable: true);
        migrationBuilder.CreateTable(
            name: "billing_tariff_changes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<int>(nullable: false),
                TariffId = table.Column<Guid>(nullable: false),
                KindId = table.Column<Guid>(nullable: false),
                OldPrice = table.Column<long>(nullable: true),
                NewPrice = table.Column<long>(nullable: false),
                SuccessorTariffId = table.Column<Guid>(nullable: true),
                AnnouncedOn = table.Column<DateOnly>(nullable: false),
                AnnouncedAt = table.Column<DateTime>(nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                ObjectionsUntil = table.Column<DateOnly>(nullable: false),
                AnnouncedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_tariff_changes", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_tariff_changes_billing_tariffs_TariffId",
                    column: x => x.TariffId,
                    principalTable: "billing_tariffs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_billing_tariff_changes_AnnouncedAt", table: "billing_tariff_changes", column: "AnnouncedAt");
        migrationBuilder.CreateIndex(name: "IX_billing_tariff_changes_TariffId", table: "billing_tariff_changes", column: "TariffId");
        migrationBuilder.CreateTable(
            name: "billing_tariff_change_addressees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChangeId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: false),
                ObjectedAt = table.Column<DateTime>(nullable: true),
                ObjectionReason = table.Column<string>(maxLength: 2000, nullable: true),
                RenewalStoppedOn = table.Column<DateOnly>(nullable: true),
                AcceptedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_tariff_change_addressees", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_tariff_change_addressees_ChangeId",
                    column: x => x.ChangeId,
                    principalTable: "billing_tariff_changes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_billing_tariff_change_addressees_ChangeId_MemberId", table: "billing_tariff_change_addressees",
            columns: ["ChangeId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_billing_tariff_change_addressees_MemberId_ChangeId", table: "billing_tariff_change_addressees",
            columns: ["MemberId", "ChangeId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "billing_tariff_change_addressees");
        migrationBuilder.DropTable(name: "billing_tariff_changes");
        migrationBuilder.DropColumn(name: "OnSaleFrom", table: "billing_tariffs");
    }
}

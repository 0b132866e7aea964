using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-20: services may be paused; a paused built-in subscription is still the member's one live subscription of its kind.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612072100_ServicePause")]
public sealed class ServicePause : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "PausedOn", table: "billing_services", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "PeriodAtPausePrice", table: "billing_services", nullable: false, defaultValue: false);
        migrationBuilder.DropIndex(name: "IX_billing_services_one_live_per_kind", table: "billing_services");
        migrationBuilder.CreateIndex(
            name: "IX_billing_services_one_live_per_kind",
            table: "billing_services",
            columns: ["MemberId", "KindCode"],
            unique: true,
            filter: "\"Exclusive\" AND \"Status\" IN (1, 2, 3, 6)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_billing_services_one_live_per_kind", table: "billing_services");
        migrationBuilder.CreateIndex(
            name: "IX_billing_services_one_live_per_kind",
            table: "billing_services",
            columns: ["MemberId", "KindCode"],
            unique: true,
            filter: "\"Exclusive\" AND \"Status\" IN (1, 2, 3)");
        migrationBuilder.DropColumn(name: "PausedOn", table: "billing_services");
        migrationBuilder.DropColumn(name: "PeriodAtPausePrice", table: "billing_services");
    }
}

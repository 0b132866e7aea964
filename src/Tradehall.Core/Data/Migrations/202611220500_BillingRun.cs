using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-09..11, BIL-15: the daily billing run's state on each service, and the job leases of RUN-03.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220500_BillingRun")]
public sealed class AddBillingRun : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "jobs_leases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 40, nullable: false),
                Holder = table.Column<string>(maxLength: 200, nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                CompletedFor = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_jobs_leases", x => x.Name);
            });

        migrationBuilder.AddColumn<Guid>(name: "NextTariffId", table: "billing_services", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "SuspendedOn", table: "billing_services", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "ReserveWarnedOn", table: "billing_services", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "DeletedOn", table: "billing_services", nullable: true);

        migrationBuilder.DropIndex(name: "IX_billing_services_Status_PeriodEnd", table: "billing_services");
        migrationBuilder.CreateIndex(
            name: "IX_billing_services_Status_PeriodEnd_Id",
            table: "billing_services",
            columns: new[] { "Status", "PeriodEnd", "Id" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_billing_services_Status_PeriodEnd_Id", table: "billing_services");
        migrationBuilder.CreateIndex(
            name: "IX_billing_services_Status_PeriodEnd",
            table: "billing_services",
            columns: new[] { "Status", "PeriodEnd" });
        migrationBuilder.DropColumn(name: "DeletedOn", table: "billing_services");
        migrationBuilder.DropColumn(name: "ReserveWarnedOn", table: "billing_services");
        migrationBuilder.DropColumn(name: "SuspendedOn", table: "billing_services");
        migrationBuilder.DropColumn(name: "NextTariffId", table: "billing_services");
        migrationBuilder.DropTable(name: "jobs_leases");
    }
}

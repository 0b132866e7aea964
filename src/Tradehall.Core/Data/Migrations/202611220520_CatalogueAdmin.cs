using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// BIL-06, BIL-14: a tariff's tax mode, its announced price with the day it takes effect, and the successor
/// of a closed tariff. All nullable, so existing tariffs stay as they were: no VAT, no pending change, open.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220520_CatalogueAdmin")]
public sealed class AddCatalogueAdmin : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "VatRate", table: "billing_tariffs", nullable: true);
        migrationBuilder.AddColumn<long>(name: "PendingPrice", table: "billing_tariffs", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "PendingPriceFrom", table: "billing_tariffs", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "SuccessorTariffId", table: "billing_tariffs", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "ClosedOn", table: "billing_tariffs", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ClosedOn", table: "billing_tariffs");
        migrationBuilder.DropColumn(name: "SuccessorTariffId", table: "billing_tariffs");
        migrationBuilder.DropColumn(name: "PendingPriceFrom", table: "billing_tariffs");
        migrationBuilder.DropColumn(name: "PendingPrice", table: "billing_tariffs");
        migrationBuilder.DropColumn(name: "VatRate", table: "billing_tariffs");
    }
}

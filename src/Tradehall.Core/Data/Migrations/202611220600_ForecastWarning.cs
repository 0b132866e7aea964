using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-22: the day a subscriber was last warned that the funds run out.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220600_ForecastWarning")]
public sealed class AddForecastWarning : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateOnly>(name: "FundsWarnedFor", table: "billing_accounts", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "FundsWarnedFor", table: "billing_accounts");
}

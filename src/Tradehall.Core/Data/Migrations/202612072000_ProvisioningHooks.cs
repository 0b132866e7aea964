using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-24: the webhook URL and encrypted secret of a service kind, and the outbox of webhook deliveries.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612072000_ProvisioningHooks")]
public sealed class ProvisioningHooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "HookUrl", table: "billing_service_kinds", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "HookSecret", table: "billing_service_kinds", maxLength: 1000, nullable: true);
        migrationBuilder.CreateTable(
            name: "billing_hook_deliveries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                KindCode = table.Column<string>(maxLength: 40, nullable: false),
                TariffId = table.Column<Guid>(nullable: false),
                AccountNumber = table.Column<string>(maxLength: 12, nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LockedUntil = table.Column<DateTime>(nullable: true),
                LastAttemptAt = table.Column<DateTime>(nullable: true),
                LastStatusCode = table.Column<int>(nullable: true),
                LastError = table.Column<string>(maxLength: 300, nullable: true),
                DeliveredAt = table.Column<DateTime>(nullable: true),
                FailedAt = table.Column<DateTime>(nullable: true),
                Replays = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_billing_hook_deliveries", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_billing_hook_deliveries_Status_NextAttemptAt", table: "billing_hook_deliveries", columns: ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex(name: "IX_billing_hook_deliveries_KindCode_OccurredAt", table: "billing_hook_deliveries", columns: ["KindCode", "OccurredAt"]);
        migrationBuilder.CreateIndex(name: "IX_billing_hook_deliveries_ServiceId", table: "billing_hook_deliveries", column: "ServiceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "billing_hook_deliveries");
        migrationBuilder.DropColumn(name: "HookSecret", table: "billing_service_kinds");
        migrationBuilder.DropColumn(name: "HookUrl", table: "billing_service_kinds");
    }
}

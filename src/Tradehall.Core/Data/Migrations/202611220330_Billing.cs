using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-01..08, BIL-23: personal accounts, the ledger of balanced entries, idempotency keys, the catalogue, ordered services.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220330_Billing")]
public sealed class Billing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "billing_idempotency_keys",
            columns: table => new
            {
                Scope = table.Column<string>(maxLength: 120, nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                Status = table.Column<int>(nullable: false),
                ResponseJson = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_idempotency_keys", x => new { x.Scope, x.Key });
            });

        migrationBuilder.CreateTable(
            name: "billing_ledger_accounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 64, nullable: false),
                Currency = table.Column<string>(maxLength: 3, fixedLength: true, nullable: false),
                CachesBalance = table.Column<bool>(nullable: false),
                Balance = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_ledger_accounts", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "billing_ledger_transactions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                Source = table.Column<string>(maxLength: 40, nullable: true),
                ExternalId = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_ledger_transactions", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "billing_service_kinds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                NameEn = table.Column<string>(maxLength: 100, nullable: false),
                NameRu = table.Column<string>(maxLength: 100, nullable: false),
                BuiltIn = table.Column<bool>(nullable: false),
                GraceDays = table.Column<int>(nullable: false),
                ReserveDays = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_service_kinds", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "billing_accounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 12, nullable: false),
                LedgerAccountId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                ContractNumber = table.Column<string>(maxLength: 20, nullable: true),
                ContractStartedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_accounts", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_accounts_billing_ledger_accounts_LedgerAccountId",
                    column: x => x.LedgerAccountId,
                    principalTable: "billing_ledger_accounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "billing_ledger_entries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TransactionId = table.Column<Guid>(nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                BalanceAfter = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_ledger_entries", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_ledger_entries_billing_ledger_accounts_AccountId",
                    column: x => x.AccountId,
                    principalTable: "billing_ledger_accounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_billing_ledger_entries_transaction",
                    column: x => x.TransactionId,
                    principalTable: "billing_ledger_transactions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "billing_tariffs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                KindId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Price = table.Column<long>(nullable: false),
                PeriodMonths = table.Column<int>(nullable: false),
                Refundable = table.Column<bool>(nullable: false),
                ConfirmationRequired = table.Column<bool>(nullable: false),
                Active = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_tariffs", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_tariffs_billing_service_kinds_KindId",
                    column: x => x.KindId,
                    principalTable: "billing_service_kinds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "billing_services",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                BillingAccountId = table.Column<Guid>(nullable: false),
                TariffId = table.Column<Guid>(nullable: false),
                KindCode = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<int>(nullable: false),
                AutoRenew = table.Column<bool>(nullable: false),
                ActivatedOn = table.Column<DateOnly>(nullable: true),
                Period = table.Column<int>(nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: true),
                PeriodEnd = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_services", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_services_billing_accounts_BillingAccountId",
                    column: x => x.BillingAccountId,
                    principalTable: "billing_accounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_billing_services_billing_tariffs_TariffId",
                    column: x => x.TariffId,
                    principalTable: "billing_tariffs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_billing_accounts_LedgerAccountId",
            table: "billing_accounts",
            column: "LedgerAccountId");

        migrationBuilder.CreateIndex(
            name: "IX_billing_accounts_MemberId",
            table: "billing_accounts",
            column: "MemberId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_billing_accounts_Number",
            table: "billing_accounts",
            column: "Number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_billing_ledger_accounts_Code",
            table: "billing_ledger_accounts",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_billing_ledger_entries_AccountId_Id",
            table: "billing_ledger_entries",
            columns: new[] { "AccountId", "Id" });

        migrationBuilder.CreateIndex(
            name: "IX_billing_ledger_entries_TransactionId",
            table: "billing_ledger_entries",
            column: "TransactionId");

        migrationBuilder.CreateIndex(
            name: "IX_billing_ledger_transactions_At",
            table: "billing_ledger_transactions",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_billing_ledger_transactions_Source_ExternalId",
            table: "billing_ledger_transactions",
            columns: new[] { "Source", "ExternalId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_billing_service_kinds_Code",
            table: "billing_service_kinds",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_billing_services_BillingAccountId",
            table: "billing_services",
            column: "BillingAccountId");

        migrationBuilder.CreateIndex(
            name: "IX_billing_services_MemberId_Status",
            table: "billing_services",
            columns: new[] { "MemberId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_billing_services_Status_PeriodEnd",
            table: "billing_services",
            columns: new[] { "Status", "PeriodEnd" });

        migrationBuilder.CreateIndex(
            name: "IX_billing_services_TariffId",
            table: "billing_services",
            column: "TariffId");

        migrationBuilder.CreateIndex(
            name: "IX_billing_tariffs_KindId",
            table: "billing_tariffs",
            column: "KindId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "billing_services");
        migrationBuilder.DropTable(name: "billing_tariffs");
        migrationBuilder.DropTable(name: "billing_ledger_entries");
        migrationBuilder.DropTable(name: "billing_accounts");
        migrationBuilder.DropTable(name: "billing_service_kinds");
        migrationBuilder.DropTable(name: "billing_ledger_transactions");
        migrationBuilder.DropTable(name: "billing_ledger_accounts");
        migrationBuilder.DropTable(name: "billing_idempotency_keys");
    }
}

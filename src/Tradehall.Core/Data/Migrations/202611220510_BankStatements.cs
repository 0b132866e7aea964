using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-03 (b): incoming payments of imported bank statements, once per bank document, and the suspense queue they form.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220510_BankStatements")]
public sealed class BankStatements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "billing_bank_payments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ExternalId = table.Column<string>(maxLength: 64, nullable: false),
                Format = table.Column<string>(maxLength: 8, nullable: false),
                Number = table.Column<string>(maxLength: 40, nullable: false),
                DocumentDate = table.Column<DateOnly>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, fixedLength: true, nullable: false),
                PayerName = table.Column<string>(maxLength: 300, nullable: false),
                PayerInn = table.Column<string>(maxLength: 12, nullable: false),
                PayerAccount = table.Column<string>(maxLength: 34, nullable: false),
                Purpose = table.Column<string>(maxLength: 500, nullable: false),
                Status = table.Column<int>(nullable: false),
                HoldReason = table.Column<string>(maxLength: 40, nullable: true),
                AccountNumber = table.Column<string>(maxLength: 12, nullable: true),
                TransactionId = table.Column<Guid>(nullable: true),
                ImportedAt = table.Column<DateTime>(nullable: false),
                ImportedBy = table.Column<Guid>(nullable: false),
                ResolvedAt = table.Column<DateTime>(nullable: true),
                ResolvedBy = table.Column<Guid>(nullable: true),
                ResolutionReason = table.Column<string>(maxLength: 300, nullable: true),
                ResolutionTransactionId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_bank_payments", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_billing_bank_payments_ExternalId",
            table: "billing_bank_payments",
            column: "ExternalId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_billing_bank_payments_Status_ImportedAt",
            table: "billing_bank_payments",
            columns: new[] { "Status", "ImportedAt" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "billing_bank_payments");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// BIL-13: an account's credit limit and the debts charges on credit make; BIL-25: the contract's term and notice of
/// non-extension; BIL-12: when and why a contract ended. Existing contracts are in their first term.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071100_CreditAndContractTerm")]
public sealed class CreditAndContractTerm : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "ContractTerms", table: "billing_accounts", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<DateOnly>(name: "NonExtensionNoticeOn", table: "billing_accounts", nullable: true);
        migrationBuilder.AddColumn<string>(name: "NonExtensionNoticeBy", table: "billing_accounts", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<long>(name: "CreditLimit", table: "billing_accounts", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<DateOnly>(name: "TerminatedOn", table: "billing_accounts", nullable: true);
        migrationBuilder.AddColumn<string>(name: "TerminationReason", table: "billing_accounts", maxLength: 40, nullable: true);

        migrationBuilder.CreateTable(
            name: "billing_debts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BillingAccountId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                SettledOn = table.Column<DateOnly>(nullable: true),
                PenalizedThrough = table.Column<DateOnly>(nullable: true),
                Penalties = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_debts", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_debts_billing_accounts_BillingAccountId",
                    column: x => x.BillingAccountId,
                    principalTable: "billing_accounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_billing_debts_BillingAccountId_SettledOn", table: "billing_debts", columns: ["BillingAccountId", "SettledOn"]);
        migrationBuilder.CreateIndex(name: "IX_billing_debts_SettledOn_DueOn", table: "billing_debts", columns: ["SettledOn", "DueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "billing_debts");
        foreach (var column in new[] { "ContractTerms", "NonExtensionNoticeOn", "NonExtensionNoticeBy", "CreditLimit", "TerminatedOn", "TerminationReason" })
        {
            migrationBuilder.DropColumn(name: column, table: "billing_accounts");
        }
    }
}

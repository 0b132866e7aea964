using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-17: applications for a refund of the balance to a bank account, and the account that holds their amounts.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071200_BillingRefunds")]
public sealed class BillingRefunds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "billing_refunds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BillingAccountId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                PayerName = table.Column<string>(maxLength: 300, nullable: false),
                PayerInn = table.Column<string>(maxLength: 12, nullable: false),
                Bic = table.Column<string>(maxLength: 9, nullable: false),
                SettlementAccount = table.Column<string>(maxLength: 20, nullable: false),
                CorrespondentAccount = table.Column<string>(maxLength: 20, nullable: false),
                Status = table.Column<int>(nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                HoldTransactionId = table.Column<Guid>(nullable: false),
                ResolvedAt = table.Column<DateTime>(nullable: true),
                ResolvedBy = table.Column<Guid>(nullable: true),
                RejectionReason = table.Column<string>(maxLength: 300, nullable: true),
                ResolutionTransactionId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_billing_refunds", x => x.Id);
                table.ForeignKey(
                    name: "FK_billing_refunds_billing_accounts_BillingAccountId",
                    column: x => x.BillingAccountId,
                    principalTable: "billing_accounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_billing_refunds_BillingAccountId", table: "billing_refunds", column: "BillingAccountId");
        migrationBuilder.CreateIndex(name: "IX_billing_refunds_Status_DueOn", table: "billing_refunds", columns: ["Status", "DueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "billing_refunds");
}

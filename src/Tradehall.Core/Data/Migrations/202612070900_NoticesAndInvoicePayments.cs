using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// NTF-01, RUN-07: notices and ledger lines keep their words as templates and values, rendered in the reader's
/// language; BIL-05: an invoice records what was paid against it and when it was settled.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070900_NoticesAndInvoicePayments")]
public sealed class NoticesAndInvoicePayments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Notice", table: "notifications_items", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Text", table: "billing_ledger_transactions", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<long>(name: "PaidAmount", table: "documents_invoices", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<DateTime>(name: "PaidAt", table: "documents_invoices", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Notice", table: "notifications_items");
        migrationBuilder.DropColumn(name: "Text", table: "billing_ledger_transactions");
        migrationBuilder.DropColumn(name: "PaidAmount", table: "documents_invoices");
        migrationBuilder.DropColumn(name: "PaidAt", table: "documents_invoices");
    }
}

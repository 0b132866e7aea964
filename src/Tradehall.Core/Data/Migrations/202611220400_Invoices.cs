using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>BIL-05, DOC-02: invoices with gap-free yearly numbers, and the counters that number documents.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220400_Invoices")]
public sealed class AddInvoices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_counters",
            columns: table => new
            {
                Series = table.Column<string>(maxLength: 40, nullable: false),
                Value = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_documents_counters", x => x.Series);
            });

        migrationBuilder.CreateTable(
            name: "documents_invoices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                AccountNumber = table.Column<string>(maxLength: 12, nullable: false),
                PayerName = table.Column<string>(maxLength: 300, nullable: false),
                Amount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, fixedLength: true, nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Purpose = table.Column<string>(maxLength: 300, nullable: false),
                Pdf = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_documents_invoices", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_documents_invoices_MemberId_IssuedAt",
            table: "documents_invoices",
            columns: new[] { "MemberId", "IssuedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_documents_invoices_Number",
            table: "documents_invoices",
            column: "Number",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "documents_invoices");
        migrationBuilder.DropTable(name: "documents_counters");
    }
}

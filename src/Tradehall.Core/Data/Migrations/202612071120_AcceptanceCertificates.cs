using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>DOC-01, DOC-03: acceptance certificates, one per reporting period of an account, and re-issued sets of copies.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071120_AcceptanceCertificates")]
public sealed class AcceptanceCertificates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_certificates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                AccountNumber = table.Column<string>(maxLength: 12, nullable: false),
                PeriodFrom = table.Column<DateOnly>(nullable: false),
                PeriodTo = table.Column<DateOnly>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, fixedLength: true, nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: false),
                PublishedOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                DecidedAt = table.Column<DateTime>(nullable: true),
                ObjectionReason = table.Column<string>(maxLength: 2000, nullable: true),
                Pdf = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_documents_certificates", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_documents_certificates_Number", table: "documents_certificates", column: "Number", unique: true);
        migrationBuilder.CreateIndex(name: "IX_documents_certificates_MemberId_PeriodFrom", table: "documents_certificates",
            columns: new[] { "MemberId", "PeriodFrom" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_documents_certificates_Status_PublishedOn", table: "documents_certificates",
            columns: new[] { "Status", "PublishedOn" });

        migrationBuilder.CreateTable(
            name: "documents_reissues",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Fee = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, fixedLength: true, nullable: false),
                OperatorId = table.Column<Guid>(nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_documents_reissues", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_documents_reissues_MemberId_At", table: "documents_reissues", columns: new[] { "MemberId", "At" });

        migrationBuilder.CreateTable(
            name: "documents_reissued_copies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReissueId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                OriginalId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Pdf = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_documents_reissued_copies", x => x.Id);
                table.ForeignKey(name: "FK_documents_reissued_copies_documents_reissues_ReissueId", column: x => x.ReissueId,
                    principalTable: "documents_reissues", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_documents_reissued_copies_MemberId_At", table: "documents_reissued_copies", columns: new[] { "MemberId", "At" });
        migrationBuilder.CreateIndex(name: "IX_documents_reissued_copies_ReissueId", table: "documents_reissued_copies", column: "ReissueId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "documents_reissued_copies");
        migrationBuilder.DropTable(name: "documents_reissues");
        migrationBuilder.DropTable(name: "documents_certificates");
    }
}

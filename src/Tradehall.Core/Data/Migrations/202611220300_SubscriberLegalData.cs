using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>KYC-01..05: subscribers' legal data (sensitive columns hold ciphertext) and its append-only history.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220300_SubscriberLegalData")]
public sealed class AddSubscriberLegalData : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "legal_subscribers",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                Type = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Resident = table.Column<bool>(nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                NotificationPhone = table.Column<string>(maxLength: 16, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: true),
                FirstName = table.Column<string>(maxLength: 100, nullable: true),
                Patronymic = table.Column<string>(maxLength: 100, nullable: true),
                DocumentType = table.Column<string>(maxLength: 100, nullable: true),
                DocumentNumber = table.Column<string>(nullable: true),
                DocumentIssuedOn = table.Column<DateOnly>(nullable: true),
                Name = table.Column<string>(maxLength: 300, nullable: true),
                LegalForm = table.Column<string>(maxLength: 100, nullable: true),
                Inn = table.Column<string>(nullable: true),
                Kpp = table.Column<string>(maxLength: 9, nullable: true),
                Ogrn = table.Column<string>(maxLength: 13, nullable: true),
                Ogrnip = table.Column<string>(maxLength: 15, nullable: true),
                CertificateSeries = table.Column<string>(maxLength: 10, nullable: true),
                CertificateNumber = table.Column<string>(maxLength: 20, nullable: true),
                CertificateDate = table.Column<DateOnly>(nullable: true),
                LegalAddress = table.Column<string>(maxLength: 500, nullable: true),
                PostalAddress = table.Column<string>(maxLength: 500, nullable: true),
                Bic = table.Column<string>(nullable: true),
                SettlementAccount = table.Column<string>(nullable: true),
                CorrespondentAccount = table.Column<string>(nullable: true),
                Phone = table.Column<string>(maxLength: 16, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_legal_subscribers", x => x.MemberId);
            });

        migrationBuilder.CreateTable(
            name: "legal_subscriber_versions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Type = table.Column<int>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                ChangedById = table.Column<Guid>(nullable: false),
                Snapshot = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_legal_subscriber_versions", x => x.Id);
                table.ForeignKey(
                    name: "FK_legal_subscriber_versions_legal_subscribers_MemberId",
                    column: x => x.MemberId,
                    principalTable: "legal_subscribers",
                    principalColumn: "MemberId",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_legal_subscriber_versions_MemberId_Version",
            table: "legal_subscriber_versions",
            columns: new[] { "MemberId", "Version" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "legal_subscriber_versions");
        migrationBuilder.DropTable(name: "legal_subscribers");
    }
}

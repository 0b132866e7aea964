using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>PRV-10: the register of disclosures of members' personal data to authorities, and whose data each disclosed.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612080200_PrivacyDisclosures")]
public sealed class PrivacyDisclosures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "privacy_disclosures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Authority = table.Column<string>(maxLength: 300, nullable: false),
                LegalBasis = table.Column<string>(maxLength: 500, nullable: false),
                DataDescription = table.Column<string>(maxLength: 2000, nullable: false),
                DisclosedAt = table.Column<DateTime>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_privacy_disclosures", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_privacy_disclosures_DisclosedAt", table: "privacy_disclosures", column: "DisclosedAt");
        migrationBuilder.CreateTable(
            name: "privacy_disclosed_members",
            columns: table => new
            {
                DisclosureId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_privacy_disclosed_members", x => new { x.DisclosureId, x.MemberId });
                table.ForeignKey("FK_privacy_disclosed_members_privacy_disclosures_DisclosureId", x => x.DisclosureId, "privacy_disclosures", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_privacy_disclosed_members_MemberId", table: "privacy_disclosed_members", column: "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "privacy_disclosed_members");
        migrationBuilder.DropTable(name: "privacy_disclosures");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// NET-05: adding a person to an organization is an invitation they accept or decline; only acceptance makes a
/// row of <c>network_organization_members</c>. Memberships that exist stay as they are.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070100_OrganizationInvitations")]
public sealed class OrganizationInvitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "network_organization_invitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganizationId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                InvitedBy = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_network_organization_invitations", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_network_organization_invitations_OrganizationId_MemberId", table: "network_organization_invitations",
            columns: ["OrganizationId", "MemberId"], unique: true, filter: "\"Status\" = 1");
        migrationBuilder.CreateIndex(name: "IX_network_organization_invitations_MemberId_Status", table: "network_organization_invitations",
            columns: ["MemberId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_network_organization_invitations_InvitedBy_CreatedAt", table: "network_organization_invitations",
            columns: ["InvitedBy", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "network_organization_invitations");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// BIL-07, L5: a member holds at most one live (awaiting confirmation, active or suspended) subscription of each built-in
/// kind, enforced by a unique partial index so that parallel orders on any node cannot both succeed. Existing services
/// of built-in kinds are marked exclusive, except the later of any duplicates already bought: those stay as they are
/// (they were paid for) and simply fall outside the index until they end.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070200_OneSubscriptionPerKind")]
public sealed class OneSubscriptionPerKind : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "Exclusive", table: "billing_services", nullable: false, defaultValue: false);
        migrationBuilder.Sql("""
            UPDATE billing_services SET "Exclusive" = TRUE
            WHERE "KindCode" IN (SELECT k."Code" FROM billing_service_kinds k WHERE k."BuiltIn")
            """);
        migrationBuilder.Sql("""
            UPDATE billing_services SET "Exclusive" = FALSE
            WHERE "Exclusive" AND "Status" IN (1, 2, 3) AND EXISTS (
                SELECT 1 FROM billing_services o
                WHERE o."MemberId" = billing_services."MemberId" AND o."KindCode" = billing_services."KindCode"
                  AND o."Status" IN (1, 2, 3) AND o."Id" < billing_services."Id")
            """);
        migrationBuilder.CreateIndex(
            name: "IX_billing_services_one_live_per_kind",
            table: "billing_services",
            columns: ["MemberId", "KindCode"],
            unique: true,
            filter: "\"Exclusive\" AND \"Status\" IN (1, 2, 3)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_billing_services_one_live_per_kind", table: "billing_services");
        migrationBuilder.DropColumn(name: "Exclusive", table: "billing_services");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// OPS-06: a document version records who published it and how far the notice of it has reached the members. The
/// versions already published were accepted at registration and are not announced again.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071140_DocumentNotices")]
public sealed class DocumentNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "PublishedBy", table: "legal_documents", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "NoticeCursor", table: "legal_documents", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "NoticesDoneAt", table: "legal_documents", nullable: true);
        migrationBuilder.Sql("""UPDATE legal_documents SET "NoticesDoneAt" = "PublishedAt" """);
        migrationBuilder.CreateIndex(name: "IX_legal_documents_NoticesDoneAt", table: "legal_documents", column: "NoticesDoneAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_legal_documents_NoticesDoneAt", table: "legal_documents");
        migrationBuilder.DropColumn(name: "PublishedBy", table: "legal_documents");
        migrationBuilder.DropColumn(name: "NoticeCursor", table: "legal_documents");
        migrationBuilder.DropColumn(name: "NoticesDoneAt", table: "legal_documents");
    }
}

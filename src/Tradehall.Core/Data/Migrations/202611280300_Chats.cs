using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MSG-01..05: chats, their members and messages, files, read-receipt settings, complaints and the full-text index.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611280300_Chats")]
public sealed class Chats : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "messaging_chats",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PairKey = table.Column<string>(maxLength: 100, nullable: false),
                ListingId = table.Column<Guid>(nullable: true),
                StartedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastMessageAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_messaging_chats", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_messaging_chats_PairKey", table: "messaging_chats", column: "PairKey", unique: true);
        migrationBuilder.CreateIndex(name: "IX_messaging_chats_StartedBy_CreatedAt", table: "messaging_chats", columns: ["StartedBy", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "messaging_chat_members",
            columns: table => new
            {
                ChatId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                OtherId = table.Column<Guid>(nullable: false),
                ReadUpTo = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_messaging_chat_members", x => new { x.ChatId, x.MemberId }));
        migrationBuilder.CreateIndex(name: "IX_messaging_chat_members_MemberId", table: "messaging_chat_members", column: "MemberId");

        migrationBuilder.CreateTable(
            name: "messaging_messages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ChatId = table.Column<Guid>(nullable: false),
                SenderId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_messaging_messages", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_messaging_messages_ChatId_Id", table: "messaging_messages", columns: ["ChatId", "Id"]);
        migrationBuilder.CreateIndex(name: "IX_messaging_messages_SenderId_SentAt", table: "messaging_messages", columns: ["SenderId", "SentAt"]);

        migrationBuilder.CreateTable(
            name: "messaging_attachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChatId = table.Column<Guid>(nullable: false),
                MessageId = table.Column<long>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 100, nullable: false),
                FileName = table.Column<string>(maxLength: 150, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_messaging_attachments", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_messaging_attachments_MessageId", table: "messaging_attachments", column: "MessageId");
        migrationBuilder.CreateIndex(name: "IX_messaging_attachments_ChatId", table: "messaging_attachments", column: "ChatId");

        migrationBuilder.CreateTable(
            name: "messaging_settings",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                ReadReceipts = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_messaging_settings", x => x.MemberId));

        migrationBuilder.CreateTable(
            name: "messaging_complaints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChatId = table.Column<Guid>(nullable: false),
                MessageId = table.Column<long>(nullable: false),
                ReporterId = table.Column<Guid>(nullable: false),
                AccusedId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(nullable: false),
                MessageText = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_messaging_complaints", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_messaging_complaints_MessageId_ReporterId", table: "messaging_complaints", columns: ["MessageId", "ReporterId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_messaging_complaints_CreatedAt", table: "messaging_complaints", column: "CreatedAt");

        // MSG-03: the full-text index (Search/ChatSearch.cs), one per engine; it lies outside the EF model.
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_messaging_messages_fulltext" ON messaging_messages USING GIN (to_tsvector('simple', "Text"))""");
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE messaging_messages_fts USING fts5("Text", content='messaging_messages', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER messaging_messages_fts_insert AFTER INSERT ON messaging_messages BEGIN
                    INSERT INTO messaging_messages_fts(rowid, "Text") VALUES (new."Id", new."Text");
                END;
                CREATE TRIGGER messaging_messages_fts_delete AFTER DELETE ON messaging_messages BEGIN
                    INSERT INTO messaging_messages_fts(messaging_messages_fts, rowid, "Text") VALUES ('delete', old."Id", old."Text");
                END;
                CREATE TRIGGER messaging_messages_fts_update AFTER UPDATE OF "Text" ON messaging_messages BEGIN
                    INSERT INTO messaging_messages_fts(messaging_messages_fts, rowid, "Text") VALUES ('delete', old."Id", old."Text");
                    INSERT INTO messaging_messages_fts(rowid, "Text") VALUES (new."Id", new."Text");
                END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("DROP TABLE messaging_messages_fts");
        }
        migrationBuilder.DropTable(name: "messaging_complaints");
        migrationBuilder.DropTable(name: "messaging_settings");
        migrationBuilder.DropTable(name: "messaging_attachments");
        migrationBuilder.DropTable(name: "messaging_messages");
        migrationBuilder.DropTable(name: "messaging_chat_members");
        migrationBuilder.DropTable(name: "messaging_chats");
    }
}

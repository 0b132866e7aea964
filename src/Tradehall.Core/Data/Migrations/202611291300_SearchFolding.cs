using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02, PostgreSQL only: the word vector is made from the text with the diacritics of Latin letters removed, as FTS5's
/// <c>remove_diacritics</c> does on SQLite, so "cafe" finds "Café" on both engines (the query's words are folded alike,
/// by <c>SearchText.FoldLatin</c>).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611291300_SearchFolding")]
public sealed class SearchFolding : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    // SearchText.FoldLatin in SQL. Only a text holding a Latin letter with diacritics or a combining mark is decomposed:
    // the check costs about what the vector does, the fold about 20 µs a text (translate() with every such letter, 450 µs).
    protected override void Up(MigrationBuilder migrationBuilder) => Words(migrationBuilder, text =>
        $@"CASE WHEN {text} ~ '[À-ɏḀ-ỿ\u0300-\u036f]' THEN normalize(regexp_replace(normalize({text}, NFD), '([A-Za-z])[\u0300-\u036f]+', '\1', 'g'), NFC) ELSE {text} END");

    protected override void Down(MigrationBuilder migrationBuilder) => Words(migrationBuilder, text => text);

    /// <summary>The stored vector again, of the text as <paramref name="text"/> gives it, with its GIN index.</summary>
    private static void Words(MigrationBuilder migrationBuilder, Func<string, string> text)
    {
        if (migrationBuilder.ActiveProvider != Postgres)
        {
            return;
        }
        migrationBuilder.Sql($"""
            DROP INDEX "IX_marketplace_listing_search_fulltext";
            ALTER TABLE marketplace_listing_search DROP COLUMN "Words";
            ALTER TABLE marketplace_listing_search ADD COLUMN "Words" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', {text("\"Title\"")}), 'A') || setweight(to_tsvector('simple', {text("\"Description\"")}), 'B')) STORED;
            CREATE INDEX "IX_marketplace_listing_search_fulltext" ON marketplace_listing_search USING GIN ("Words", "Tags");
            """);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02, PostgreSQL only: the GIN index answers, besides the words, which block of entry ids an entry lies in and its
/// type, country and currency — hidden terms of a stored vector <c>"Tags"</c> beside <c>"Words"</c>. A GIN
/// bitmap yields matches in table order and the search visits each one, so the window of the most recent matches is read
/// block range by block range from the newest, and filters are intersected in the index instead of on table rows.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611291200_SearchBlocks")]
public sealed class SearchBlocks : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != Postgres)
        {
            return;
        }
        // The terms are in a vector of their own, so no query of words can ever match them.
        migrationBuilder.Sql($"""
            ALTER TABLE marketplace_listing_search ADD COLUMN "Tags" tsvector GENERATED ALWAYS AS (array_to_tsvector(ARRAY[
                'b' || ("Id" >> 12)::text, 'g' || ("Id" >> 16)::text,
                't' || "Type"::text, 'c' || lower("Country"::text), 'm' || lower("Currency"::text)])) STORED;
            DROP INDEX "IX_marketplace_listing_search_fulltext";
            CREATE INDEX "IX_marketplace_listing_search_fulltext" ON marketplace_listing_search USING GIN ("Words", "Tags");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != Postgres)
        {
            return;
        }
        migrationBuilder.Sql("""
            DROP INDEX "IX_marketplace_listing_search_fulltext";
            ALTER TABLE marketplace_listing_search DROP COLUMN "Tags";
            CREATE INDEX "IX_marketplace_listing_search_fulltext" ON marketplace_listing_search USING GIN ("Words");
            """);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02: listing search moves into each node's memory (Marketplace/Search/Index). The database keeps the search entries
/// and gains their change feed: triggers append a row to <c>marketplace_search_changes</c> for every entry written or
/// removed (by any statement, bulk ones included) and a row without a listing for every change of the taxonomy; an entry
/// carries its listing's first photo. The
/// engines' full-text structures, the count table and the covering indexes, which only the old search read, go.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071000_SearchIndexFeed")]
public sealed class SearchIndexFeed : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string Table = "marketplace_listing_search";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == Postgres;
        if (postgres)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER marketplace_listing_search_count_update ON marketplace_listing_search;
                DROP TRIGGER marketplace_listing_search_count_delete ON marketplace_listing_search;
                DROP TRIGGER marketplace_listing_search_count_insert ON marketplace_listing_search;
                DROP FUNCTION marketplace_listing_search_count();
                DROP INDEX "IX_marketplace_listing_search_fulltext";
                ALTER TABLE marketplace_listing_search DROP COLUMN "Words";
                ALTER TABLE marketplace_listing_search DROP COLUMN "Tags";
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                DROP TRIGGER marketplace_listing_search_fts_count_update;
                DROP TRIGGER marketplace_listing_search_fts_update;
                DROP TRIGGER marketplace_listing_search_fts_delete;
                DROP TRIGGER marketplace_listing_search_fts_insert;
                DROP TABLE marketplace_listing_search_fts;
                """);
        }
        migrationBuilder.DropTable(name: "marketplace_listing_search_counts");
        foreach (var index in new[] { "price", "price_base", "recent", "CategoryId_PostedAt", "Type_PostedAt", "Country_PostedAt" })
        {
            migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_" + index, table: Table);
        }
        // Results show each listing's first photo.
        migrationBuilder.AddColumn<Guid>(name: "PhotoId", table: Table, nullable: true);
        migrationBuilder.Sql("""
            UPDATE marketplace_listing_search SET "PhotoId" = (SELECT p."Id" FROM marketplace_listing_photos p
                WHERE p."ListingId" = marketplace_listing_search."ListingId" ORDER BY p."Position" LIMIT 1);
            """);
        migrationBuilder.CreateTable(
            name: "marketplace_search_changes",
            columns: table => new
            {
                Seq = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ListingId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_search_changes", x => x.Seq));
        if (postgres)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION marketplace_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Per statement over its transition table: a bulk statement appends its rows in one insert.
                    IF TG_TABLE_NAME <> 'marketplace_listing_search' THEN
                        INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO marketplace_search_changes ("ListingId") SELECT "ListingId" FROM old_rows;
                    ELSE
                        INSERT INTO marketplace_search_changes ("ListingId") SELECT "ListingId" FROM new_rows;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER marketplace_search_change_insert AFTER INSERT ON marketplace_listing_search
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marketplace_search_change();
                CREATE TRIGGER marketplace_search_change_update AFTER UPDATE ON marketplace_listing_search
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marketplace_search_change();
                CREATE TRIGGER marketplace_search_change_delete AFTER DELETE ON marketplace_listing_search
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION marketplace_search_change();
                CREATE TRIGGER marketplace_search_change_taxonomy AFTER INSERT OR UPDATE OR DELETE ON marketplace_categories
                    FOR EACH STATEMENT EXECUTE FUNCTION marketplace_search_change();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER marketplace_search_change_insert AFTER INSERT ON marketplace_listing_search BEGIN
                    INSERT INTO marketplace_search_changes ("ListingId") VALUES (new."ListingId");
                END;
                CREATE TRIGGER marketplace_search_change_update AFTER UPDATE ON marketplace_listing_search BEGIN
                    INSERT INTO marketplace_search_changes ("ListingId") VALUES (new."ListingId");
                END;
                CREATE TRIGGER marketplace_search_change_delete AFTER DELETE ON marketplace_listing_search BEGIN
                    INSERT INTO marketplace_search_changes ("ListingId") VALUES (old."ListingId");
                END;
                CREATE TRIGGER marketplace_search_change_taxonomy_insert AFTER INSERT ON marketplace_categories BEGIN
                    INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
                END;
                CREATE TRIGGER marketplace_search_change_taxonomy_update AFTER UPDATE ON marketplace_categories BEGIN
                    INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
                END;
                CREATE TRIGGER marketplace_search_change_taxonomy_delete AFTER DELETE ON marketplace_categories BEGIN
                    INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
                END;
                """);
        }
    }

    /// <summary>The engines' full-text structures are not rebuilt on the way down: restore the backup taken before upgrading.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Search moved into memory in this version; to go back, restore the database backup taken before upgrading.");
}

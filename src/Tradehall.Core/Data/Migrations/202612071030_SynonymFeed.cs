using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>MKT-02: an edit of the operator's synonym list reaches every node's search index, as taxonomy edits do.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071030_SynonymFeed")]
public sealed class SynonymFeed : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == Postgres)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER marketplace_search_change_synonyms AFTER INSERT OR UPDATE OR DELETE ON marketplace_search_synonyms
                    FOR EACH STATEMENT EXECUTE FUNCTION marketplace_search_change();
                INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
                """);
            return;
        }
        migrationBuilder.Sql("""
            CREATE TRIGGER marketplace_search_change_synonyms_insert AFTER INSERT ON marketplace_search_synonyms BEGIN
                INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
            END;
            CREATE TRIGGER marketplace_search_change_synonyms_update AFTER UPDATE ON marketplace_search_synonyms BEGIN
                INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
            END;
            CREATE TRIGGER marketplace_search_change_synonyms_delete AFTER DELETE ON marketplace_search_synonyms BEGIN
                INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
            END;
            INSERT INTO marketplace_search_changes ("ListingId") VALUES (NULL);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == Postgres)
        {
            migrationBuilder.Sql("DROP TRIGGER marketplace_search_change_synonyms ON marketplace_search_synonyms;");
            return;
        }
        migrationBuilder.Sql("""
            DROP TRIGGER marketplace_search_change_synonyms_insert;
            DROP TRIGGER marketplace_search_change_synonyms_update;
            DROP TRIGGER marketplace_search_change_synonyms_delete;
            """);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-02, MKT-04: the full-text index of listings on each engine, per-dimension match counts kept by triggers,
/// the unit and organization of a listing in its search entry (so a result page reads one table), and saved searches.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611281200_Search")]
public sealed class AddSearch : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Unit", table: "marketplace_listing_search", maxLength: 20, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<Guid>(name: "OrganizationId", table: "marketplace_listing_search", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_Currency_Price", table: "marketplace_listing_search", columns: ["Currency", "Price"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_listing_search_recent", table: "marketplace_listing_search",
            columns: ["PostedAt", "Id", "Type", "CategoryId", "Country", "Currency", "PriceBase", "Price"]);

        migrationBuilder.CreateTable(
            name: "marketplace_listing_search_counts",
            columns: table => new
            {
                Type = table.Column<int>(nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                Country = table.Column<string>(fixedLength: true, maxLength: 2, nullable: false),
                Currency = table.Column<string>(fixedLength: true, maxLength: 3, nullable: false),
                Count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_listing_search_counts", x => new { x.Type, x.CategoryId, x.Country, x.Currency }));

        migrationBuilder.CreateTable(
            name: "marketplace_saved_searches",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Query = table.Column<string>(maxLength: 2000, nullable: false),
                Alerts = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SeenUpTo = table.Column<long>(nullable: false),
                LastAlertAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_marketplace_saved_searches", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_marketplace_saved_searches_MemberId_CreatedAt", table: "marketplace_saved_searches", columns: ["MemberId", "CreatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_marketplace_saved_searches_Alerts_SeenUpTo", table: "marketplace_saved_searches", columns: ["Alerts", "SeenUpTo"]);

        // The full-text index (Search/ListingSearch.cs) and the count triggers lie outside the EF model.
        if (migrationBuilder.ActiveProvider == Postgres)
        {
            // 'simple': no stemming, so the same words match as on SQLite; titles weigh A, descriptions B. The vector is
            // stored, because phrases and rechecks would otherwise parse every candidate's text again.
            migrationBuilder.Sql("""
                ALTER TABLE marketplace_listing_search ADD COLUMN "Words" tsvector
                    GENERATED ALWAYS AS (setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Description"), 'B')) STORED;
                CREATE INDEX "IX_marketplace_listing_search_fulltext" ON marketplace_listing_search USING GIN ("Words");

                CREATE FUNCTION marketplace_listing_search_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Once per statement over its transition tables: a bulk load touches each count row once, not once per listing.
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        UPDATE marketplace_listing_search_counts c SET "Count" = c."Count" - o.n
                        FROM (SELECT "Type", "CategoryId", "Country", "Currency", COUNT(*) AS n FROM old_rows GROUP BY 1, 2, 3, 4) o
                        WHERE c."Type" = o."Type" AND c."CategoryId" = o."CategoryId" AND c."Country" = o."Country" AND c."Currency" = o."Currency";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO marketplace_listing_search_counts ("Type", "CategoryId", "Country", "Currency", "Count")
                        SELECT "Type", "CategoryId", "Country", "Currency", COUNT(*) FROM new_rows GROUP BY 1, 2, 3, 4
                        ON CONFLICT ("Type", "CategoryId", "Country", "Currency") DO UPDATE SET "Count" = marketplace_listing_search_counts."Count" + EXCLUDED."Count";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER marketplace_listing_search_count_insert AFTER INSERT ON marketplace_listing_search
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marketplace_listing_search_count();
                CREATE TRIGGER marketplace_listing_search_count_delete AFTER DELETE ON marketplace_listing_search
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION marketplace_listing_search_count();
                CREATE TRIGGER marketplace_listing_search_count_update AFTER UPDATE ON marketplace_listing_search
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marketplace_listing_search_count();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE marketplace_listing_search_fts USING fts5("Title", "Description", content='marketplace_listing_search', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                INSERT INTO marketplace_listing_search_fts(marketplace_listing_search_fts) VALUES ('rebuild');
                CREATE TRIGGER marketplace_listing_search_fts_insert AFTER INSERT ON marketplace_listing_search BEGIN
                    INSERT INTO marketplace_listing_search_fts(rowid, "Title", "Description") VALUES (new."Id", new."Title", new."Description");
                    INSERT INTO marketplace_listing_search_counts ("Type", "CategoryId", "Country", "Currency", "Count")
                    VALUES (new."Type", new."CategoryId", new."Country", new."Currency", 1)
                    ON CONFLICT ("Type", "CategoryId", "Country", "Currency") DO UPDATE SET "Count" = "Count" + 1;
                END;
                CREATE TRIGGER marketplace_listing_search_fts_delete AFTER DELETE ON marketplace_listing_search BEGIN
                    INSERT INTO marketplace_listing_search_fts(marketplace_listing_search_fts, rowid, "Title", "Description") VALUES ('delete', old."Id", old."Title", old."Description");
                    UPDATE marketplace_listing_search_counts SET "Count" = "Count" - 1
                    WHERE "Type" = old."Type" AND "CategoryId" = old."CategoryId" AND "Country" = old."Country" AND "Currency" = old."Currency";
                END;
                CREATE TRIGGER marketplace_listing_search_fts_update AFTER UPDATE OF "Title", "Description" ON marketplace_listing_search BEGIN
                    INSERT INTO marketplace_listing_search_fts(marketplace_listing_search_fts, rowid, "Title", "Description") VALUES ('delete', old."Id", old."Title", old."Description");
                    INSERT INTO marketplace_listing_search_fts(rowid, "Title", "Description") VALUES (new."Id", new."Title", new."Description");
                END;
                CREATE TRIGGER marketplace_listing_search_fts_count_update AFTER UPDATE OF "Type", "CategoryId", "Country", "Currency" ON marketplace_listing_search BEGIN
                    UPDATE marketplace_listing_search_counts SET "Count" = "Count" - 1
                    WHERE "Type" = old."Type" AND "CategoryId" = old."CategoryId" AND "Country" = old."Country" AND "Currency" = old."Currency";
                    INSERT INTO marketplace_listing_search_counts ("Type", "CategoryId", "Country", "Currency", "Count")
                    VALUES (new."Type", new."CategoryId", new."Country", new."Currency", 1)
                    ON CONFLICT ("Type", "CategoryId", "Country", "Currency") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }
        // Entries made before this migration are counted once; the triggers keep the counts from here on.
        migrationBuilder.Sql("""
            INSERT INTO marketplace_listing_search_counts ("Type", "CategoryId", "Country", "Currency", "Count")
            SELECT "Type", "CategoryId", "Country", "Currency", COUNT(*) FROM marketplace_listing_search GROUP BY "Type", "CategoryId", "Country", "Currency";
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == Postgres)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER marketplace_listing_search_count_update ON marketplace_listing_search;
                DROP TRIGGER marketplace_listing_search_count_delete ON marketplace_listing_search;
                DROP TRIGGER marketplace_listing_search_count_insert ON marketplace_listing_search;
                DROP FUNCTION marketplace_listing_search_count();
                DROP INDEX "IX_marketplace_listing_search_fulltext";
                ALTER TABLE marketplace_listing_search DROP COLUMN "Words";
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
        migrationBuilder.DropTable(name: "marketplace_saved_searches");
        migrationBuilder.DropTable(name: "marketplace_listing_search_counts");
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_recent", table: "marketplace_listing_search");
        migrationBuilder.DropIndex(name: "IX_marketplace_listing_search_Currency_Price", table: "marketplace_listing_search");
        migrationBuilder.DropColumn(name: "OrganizationId", table: "marketplace_listing_search");
        migrationBuilder.DropColumn(name: "Unit", table: "marketplace_listing_search");
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tradehall.Core.Data;

namespace Tradehall.Tests.Data;

/// <summary>
/// Migrations are written by hand; this keeps them honest. A database built by the migrations and
/// one built from the model must have the same tables, columns, types, nullability, keys and indexes.
/// </summary>
public sealed class SchemaTests
{
    internal static AppDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (TestDatabase.IsPostgres)
        {
            options.UseNpgsql(database.ConnectionString);
        }
        else
        {
            options.UseSqlite(database.ConnectionString);
        }
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new AppDbContext(options.Options);
    }

    [Fact]
    public async Task RUN02_migrated_schema_equals_the_model_schema()
    {
        using var migratedDb = new TestDatabase();
        using var createdDb = new TestDatabase();
        await using var migrated = Context(migratedDb);
        await using var created = Context(createdDb);
        await migrated.Database.MigrateAsync();
        await created.Database.EnsureCreatedAsync();

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).Where(line => !IsFullTextIndex(line)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema of the migrations differs from the model ({TestDatabase.Provider}).\n" +
            $"In the model but not the migrations:\n  {string.Join("\n  ", missing)}\n" +
            $"In the migrations but not the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(fromModel, line => line.StartsWith("table accounts_users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RUN02_migrations_apply_twice_without_change()
    {
        using var database = new TestDatabase();
        await using var db = Context(database);
        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>
    /// Full-text indexes are engine-only parts of migrations (CONVENTIONS §6): the SQLite FTS5 tables, the PostgreSQL GIN
    /// indexes and the stored <c>tsvector</c> columns they index.
    /// </summary>
    private static bool IsFullTextIndex(string line) =>
        line.Contains("_fts", StringComparison.Ordinal) || line.Contains("_fulltext", StringComparison.Ordinal) ||
        (line.StartsWith("column ", StringComparison.Ordinal) && line.Contains(" tsvector", StringComparison.Ordinal));

    private static async Task<SortedSet<string>> DescribeAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        if (TestDatabase.IsPostgres)
        {
            await ReadAsync(connection, """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || CASE is_nullable WHEN 'YES' THEN ' null' ELSE ' not null' END
                       || coalesce(' identity ' || identity_generation, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'
                UNION ALL
                SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'
                UNION ALL
                SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"__EF%'
                """, lines);
        }
        else
        {
            await ReadAsync(connection, """
                SELECT 'table ' || m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
                UNION ALL
                SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || CASE c."notnull" WHEN 1 THEN ' not null' ELSE ' null' END || ' pk' || c.pk
                FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
                UNION ALL
                SELECT 'index ' || m.name || ' ' || i.name || CASE i."unique" WHEN 1 THEN ' unique' ELSE '' END || ' (' ||
                       (SELECT group_concat(ii.name, ',') FROM pragma_index_info(i.name) ii) || ')'
                FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
                UNION ALL
                SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
                UNION ALL
                SELECT 'autoincrement ' || m.name FROM sqlite_master m WHERE m.type = 'table' AND m.sql LIKE '%AUTOINCREMENT%'
                """, lines);
        }
        return lines;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, SortedSet<string> into)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            into.Add(reader.GetString(0));
        }
    }
}

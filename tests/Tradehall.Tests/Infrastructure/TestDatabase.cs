using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Tradehall.Core.Data;

namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// The engine a test run uses: SQLite by default, PostgreSQL when <c>TRADEHALL_TEST_PROVIDER=postgres</c>
/// (scripts/test.sh runs the suite once for each). Every test host gets a database of its own.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static string Provider => Environment.GetEnvironmentVariable("TRADEHALL_TEST_PROVIDER") is { Length: > 0 } p ? p : "sqlite";

    public static bool IsPostgres => Provider == "postgres";

    private static string PostgresServer => Environment.GetEnvironmentVariable("TRADEHALL_TEST_PG")
        ?? throw new InvalidOperationException("TRADEHALL_TEST_PG must hold the PostgreSQL connection string when TRADEHALL_TEST_PROVIDER=postgres.");

    private readonly string? postgresName;

    public TestDatabase()
        : this(template: null)
    {
    }

    private TestDatabase(string? template)
    {
        DataPath = Directory.CreateTempSubdirectory("tradehall-test-").FullName;
        if (IsPostgres)
        {
            postgresName = "th_" + Guid.NewGuid().ToString("N");
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = template is null ? $"CREATE DATABASE {postgresName}" : $"CREATE DATABASE {postgresName} TEMPLATE {template}";
            command.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresName }.ConnectionString;
        }
        else
        {
            var file = Path.Combine(DataPath, "tradehall.db");
            if (template is not null)
            {
                File.Copy(template, file);
            }
            ConnectionString = $"Data Source={file}";
        }
    }

    /// <summary>
    /// A database already carrying every migration, copied from one the run migrates once: a test host starts on it
    /// without migrating again. Tests of the migrations themselves take an empty <see cref="TestDatabase()"/>.
    /// </summary>
    public static TestDatabase Migrated() => new(MigratedTemplate.Value);

    private static readonly Lazy<string> MigratedTemplate = new(MigrateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A PostgreSQL database name or a SQLite file, migrated by the app's migrations and closed.</summary>
    private static string MigrateTemplate()
    {
        var empty = new TestDatabase();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => empty.Dispose();
        var options = new DbContextOptionsBuilder<AppDbContext>().ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (IsPostgres)
        {
            options.UseNpgsql(empty.ConnectionString);
        }
        else
        {
            options.UseSqlite(empty.ConnectionString);
        }
        using (var db = new AppDbContext(options.Options))
        {
            db.Database.Migrate();
        }
        if (IsPostgres)
        {
            // CREATE DATABASE … TEMPLATE needs the template free of sessions.
            NpgsqlConnection.ClearAllPools();
            return empty.postgresName!;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Path.Combine(empty.DataPath, "tradehall.db");
    }

    public string DataPath { get; }

    public string ConnectionString { get; }

    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider),
        new("ConnectionStrings:Default", ConnectionString),
        new("Tradehall:DataPath", DataPath),
    ];

    /// <summary>Reads the database directly, each row's columns joined by '|' — for comparing two databases after a job.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    public void Dispose()
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)";
            try
            {
                command.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // A server worker (autovacuum, which scripts/test.sh turns off) is inside and this role may not end it:
                // the database is left to the private server, which is thrown away after the run.
            }
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the temp folder is cleaned by the OS.
        }
    }
}

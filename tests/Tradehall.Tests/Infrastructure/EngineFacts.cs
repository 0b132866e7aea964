namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// A test that means something on PostgreSQL only (several nodes, NOTIFY, bounded lock waits). On SQLite it is reported as
/// skipped, with the reason, rather than passed without running.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string why)
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "PostgreSQL only: " + why;
        }
    }
}

/// <summary>A test of SQLite's own settings; skipped, with the reason, on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + why;
        }
    }
}

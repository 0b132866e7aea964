using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tradehall.Core.Data;

/// <summary>Database failures that are answers, told apart by the engines' own codes rather than by message text.</summary>
[ModuleApi]
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// A row that a unique index refused. With <paramref name="table"/> and <paramref name="index"/>, only that index: PostgreSQL
    /// names it; SQLite names the table and its columns, so the table is what is matched there.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException e, string? table = null, string? index = null) => e.InnerException switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation && (index is null || p.ConstraintName == index),
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
            && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
            && (table is null || s.Message.Contains($" {table}.", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>
    /// PostgreSQL gave up waiting for a lock (<c>lock_timeout</c>). The provider counts it as transient, so inside a
    /// transaction it arrives wrapped twice (the execution strategy's InvalidOperationException around DbUpdateException).
    /// </summary>
    public static bool IsLockTimeout(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }
        return false;
    }
}

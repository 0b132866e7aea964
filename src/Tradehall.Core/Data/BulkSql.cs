using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Tradehall.Core.Data;

/// <summary>
/// Set-based statements for jobs that touch thousands of rows at once (the billing run, demo data):
/// many rows per statement instead of a round trip each. Values always travel as parameters, mapped
/// by the model's type mappings, so the same text runs on SQLite and PostgreSQL.
/// </summary>
public static class BulkSql
{
    /// <summary>
    /// The most rows one statement should carry for this many columns. PostgreSQL takes up to 65,535
    /// parameters and each saved round trip counts; SQLite finds each named parameter by a linear search,
    /// so its statements stay small enough to bind in time proportional to their size.
    /// </summary>
    public static int RowsPerStatement(this DatabaseFacade database, int columns) => (database.IsNpgsql() ? 16_000 : 1_000) / columns;

    /// <summary>Inserts the rows, as many per statement as the parameter limit allows.</summary>
    public static async Task InsertAsync(this DatabaseFacade database, string table, IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        foreach (var chunk in rows.Chunk(database.RowsPerStatement(columns.Count)))
        {
            var (values, args) = Values(chunk, columns.Count);
            await database.ExecuteSqlAsync(FormattableStringFactory.Create($"INSERT INTO {table} ({names}) VALUES {values}", args), cancellationToken);
        }
    }

    /// <summary>
    /// Inserts entities of a mapped type as rows, each value converted the way the model stores it; keys the
    /// database generates are left to it. Nothing is tracked: for generated data, not for domain changes.
    /// </summary>
    public static Task InsertEntitiesAsync<T>(this DbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var properties = type.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd || !p.IsPrimaryKey() || p.ClrType == typeof(Guid)).ToList();
        var converters = properties.Select(p => p.GetValueConverter() ?? p.GetTypeMapping().Converter).ToList();
        var rows = entities.Select(e => properties.Select((p, i) =>
        {
            var value = p.GetGetter().GetClrValue(e);
            return value is not null && converters[i] is { } converter ? converter.ConvertToProvider(value) : value;
        }).ToArray()).ToList();
        return db.Database.InsertAsync(type.GetTableName()!, [.. properties.Select(p => p.GetColumnName())], rows, cancellationToken);
    }

    /// <summary>
    /// A statement preceded by <c>WITH v(columns) AS (VALUES ...)</c>, for updates that join their new values
    /// (<c>UPDATE t SET ... FROM v WHERE t."Id" = v."Id"</c>). The caller keeps the rows within <see cref="RowsPerStatement"/>.
    /// </summary>
    public static FormattableString WithValues(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, string statement)
    {
        var (values, args) = Values(rows, columns.Count);
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        return FormattableStringFactory.Create($"WITH v({names}) AS (VALUES {values}) {statement}", args);
    }

    private static (string Sql, object?[] Args) Values(IReadOnlyList<object?[]> rows, int width)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows.Count, "A statement needs at least one row.");
        }
        var sql = new StringBuilder();
        var args = new object?[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != width)
            {
                throw new ArgumentException("Every row needs one value per column.", nameof(rows));
            }
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                var index = r * width + c;
                args[index] = rows[r][c];
                sql.Append(c == 0 ? "{" : ", {").Append(index.ToString(CultureInfo.InvariantCulture)).Append('}');
            }
            sql.Append(')');
        }
        return (sql.ToString(), args);
    }
}

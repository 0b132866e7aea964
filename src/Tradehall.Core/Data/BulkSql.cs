using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tradehall.Core.Data;

/// <summary>
/// Set-based statements for jobs that touch thousands of rows at once (the billing run, demo data):
/// many rows per statement instead of a round trip each. Values always travel as parameters, mapped
/// by the model's type mappings, so the same text runs on SQLite and PostgreSQL.
/// </summary>
[ModuleApi]
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
        var (table, properties, rows) = Rows(db, entities);
        return db.Database.InsertAsync(table, [.. properties.Select(p => p.GetColumnName())], [.. rows], cancellationToken);
    }

    /// <summary>
    /// Loads generated rows of a mapped type as fast as each engine takes them, within the caller's transaction:
    /// PostgreSQL's binary <c>COPY</c>, and on SQLite one prepared <c>INSERT</c> stepped once per row, which spares
    /// both the parsing of long multi-row statements and the binding of their many parameters. For bulk loads of
    /// demo and benchmark data; triggers on the table run either way.
    /// </summary>
    public static async Task LoadEntitiesAsync<T>(this DbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken) where T : class
    {
        var (table, properties, rows) = Rows(db, entities);
        var names = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection is NpgsqlConnection npgsql)
            {
                await using var writer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
                foreach (var row in rows)
                {
                    await writer.StartRowAsync(cancellationToken);
                    foreach (var value in row)
                    {
                        if (value is null)
                        {
                            await writer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await writer.WriteAsync(value, cancellationToken);
                        }
                    }
                }
                await writer.CompleteAsync(cancellationToken);
                return;
            }
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            // Each parameter is configured by the model's type mapping (Guid, decimal and dates as text on SQLite), then reused.
            var parameters = properties.Select((p, i) => p.GetRelationalTypeMapping()
                .CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), null, p.IsNullable)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The table, the columns to write (keys the database generates are left to it) and each entity's values as stored.</summary>
    private static (string Table, List<IProperty> Properties, IEnumerable<object?[]> Rows) Rows<T>(DbContext db, IReadOnlyList<T> entities) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var properties = type.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd || !p.IsPrimaryKey() || p.ClrType == typeof(Guid)).ToList();
        var converters = properties.Select(p => p.GetValueConverter() ?? p.GetTypeMapping().Converter).ToList();
        var rows = entities.Select(e => properties.Select((p, i) =>
        {
            var value = p.GetGetter().GetClrValue(e);
            return value is not null && converters[i] is { } converter ? converter.ConvertToProvider(value) : value;
        }).ToArray());
        return (type.GetTableName()!, properties, rows);
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

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tradehall.Core.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with a busy timeout and enforced foreign keys, so
/// readers never block the writer and a busy writer is waited for rather than failed; reads go through a memory map
/// (<see cref="DatabaseOptions.SqliteMemoryMap"/>).
/// </summary>
internal sealed class SqlitePragmas(IOptions<DatabaseOptions> options) : DbConnectionInterceptor
{
    private readonly string pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA mmap_size={options.Value.SqliteMemoryMap};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

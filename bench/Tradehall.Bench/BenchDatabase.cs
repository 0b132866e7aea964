namespace Tradehall.Bench;

/// <summary>
/// A fresh PostgreSQL database on the benchmark's server for one run: created empty, and dropped when disposed unless
/// <see cref="Keep"/> is set, then named on standard error so it can be looked into.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string server;

    private BenchDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The server's connection string with this database.</summary>
    public string ConnectionString { get; }

    public bool Keep { get; set; }

    /// <summary><c>--connection</c>: the server a benchmark creates its database on.</summary>
    public static Option<string> ServerOption() =>
        new("--connection") { Description = "PostgreSQL server connection string; a fresh database is created on it.", Required = true };

    /// <summary><c>--keep-database</c>: sets <see cref="Keep"/>.</summary>
    public static Option<bool> KeepOption() => new("--keep-database") { Description = "Keep the benchmark database afterwards." };

    /// <param name="server">A connection string of the server; its database is where CREATE and DROP run.</param>
    /// <param name="prefix">The start of the database's name, which ends in a random part.</param>
    public static async Task<BenchDatabase> CreateAsync(string server, string prefix, CancellationToken cancellationToken)
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}", cancellationToken);
        return new BenchDatabase(server, name);
    }

    /// <summary>Runs one statement on its own connection, without a time limit (VACUUM over a large market takes long).</summary>
    public static async Task ExecuteAsync(string connection, string sql, CancellationToken cancellationToken)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Keep)
        {
            await Console.Error.WriteLineAsync($"database kept: {Name}");
        }
        else
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
        }
    }
}

using Microsoft.Extensions.Logging.Console;

namespace Tradehall.Bench;

/// <summary>The real site (<c>Site.Build</c>, every module and its DI) as the benchmarks run it: configured in memory, logging to standard error.</summary>
internal static class BenchSite
{
    /// <summary>
    /// What every benchmark's site is given: its engine and database, a data folder of the run's own, a fresh database
    /// migrated at start, and only warnings and worse in the log. A benchmark adds what is particular to it.
    /// </summary>
    /// <param name="connection">The application's connection string; none for SQLite in <paramref name="dataPath"/>.</param>
    public static Dictionary<string, string?> Settings(string provider, string? connection, string dataPath)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:MigrateOnStart"] = "true",
            ["Tradehall:DataPath"] = dataPath,
            // Nothing is sent during a benchmark; these keep the site's delivery settings valid without a gateway.
            ["Notifications:MailDelivery"] = "pickup",
            ["Notifications:SmsDelivery"] = "file",
            ["Logging:LogLevel:Default"] = "Warning",
            // Migrating a fresh database reads a history table that does not exist yet; EF logs that as an error.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        };
        if (connection is not null)
        {
            settings["ConnectionStrings:Default"] = connection;
        }
        return settings;
    }

    /// <summary>
    /// The site with <paramref name="settings"/>, listening on the loopback <paramref name="port"/> when one is given. Every
    /// log line goes to standard error: standard output carries only the benchmark's figures.
    /// </summary>
    public static WebApplication Build(Dictionary<string, string?> settings, int? port = null) =>
        Site.Build(port is { } p ? ["--urls", $"http://127.0.0.1:{p}"] : [], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
}

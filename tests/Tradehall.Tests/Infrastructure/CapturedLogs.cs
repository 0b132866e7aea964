using Microsoft.Extensions.Logging;

namespace Tradehall.Tests.Infrastructure;

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}

/// <summary>
/// Every log entry of a test host, for tests of what is logged and at which level (RUN-05, SEC-09), and to await what a
/// background worker reports only in its log (a failed delivery, a listener connected again).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly Arrivals<LogEntry> entries = new("log entry");

    /// <summary>The entries so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => entries.Snapshot();

    /// <summary>The next entry <paramref name="match"/> accepts, once it is logged.</summary>
    public Task<LogEntry> NextAsync(Func<LogEntry, bool> match, string description) => entries.NextAsync(match, description);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.entries.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

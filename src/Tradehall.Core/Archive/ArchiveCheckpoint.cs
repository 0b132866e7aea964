using System.Text.RegularExpressions;

namespace Tradehall.Core.Archive;

/// <summary>ARC-01: a point of the chain: a record's sequence and its hash.</summary>
public sealed partial record ArchiveHead(long Sequence, string Hash)
{
    /// <summary>Reads <c>SEQUENCE:HASH</c> (as an operator types it) or <c>SEQUENCE HASH</c> (as the checkpoint file holds it).</summary>
    public static bool TryParse(string? text, out ArchiveHead? head)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        head = match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            ? new ArchiveHead(sequence, match.Groups[2].Value.ToLowerInvariant())
            : null;
        return head is not null;
    }

    public override string ToString() => FormattableString.Invariant($"{Sequence} {Hash}");

    [GeneratedRegex("^([0-9]{1,18})[: ]([0-9a-fA-F]{64})$")]
    private static partial Regex Pattern();
}

/// <summary>
/// ARC-01: the chain's head anchored outside the database, in a small file of the data folder. Each node writes the
/// newest record it appended once that record is committed, so removing the newest records from the table leaves the
/// chain shorter than the checkpoint, which <c>archive verify</c> reports. The file is replaced whole (written aside,
/// flushed, renamed), so a crash leaves the old or the new head, never half of one; and it never moves backwards, even
/// when several processes share the data folder (a lock file beside it orders them).
/// </summary>
public sealed partial class ArchiveCheckpoint(IOptions<ArchiveOptions> options, IOptions<TradehallOptions> site, ILogger<ArchiveCheckpoint> logger)
{
    private readonly Lock gate = new();

    public string FilePath => string.IsNullOrWhiteSpace(options.Value.CheckpointPath)
        ? Path.Combine(site.Value.FullDataPath, "archive", "head")
        : Path.GetFullPath(options.Value.CheckpointPath);

    /// <summary>The head the file holds, or null when there is no file. A file that is not a head throws <see cref="InvalidDataException"/>.</summary>
    public ArchiveHead? Read()
    {
        string text;
        try
        {
            text = File.ReadAllText(FilePath, Encoding.ASCII);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        return ArchiveHead.TryParse(text, out var head)
            ? head
            : throw new InvalidDataException($"{FilePath} does not hold 'SEQUENCE HASH'.");
    }

    /// <summary>
    /// Moves the checkpoint to <paramref name="head"/> when it is newer than the one kept. Called after the record's
    /// transaction committed: the database already holds it, so a failure here is logged, never thrown.
    /// </summary>
    public void Advance(ArchiveHead head)
    {
        try
        {
            Write(head, onlyForward: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or TimeoutException)
        {
            LogNotWritten(logger, head.Sequence, FilePath, e);
        }
    }

    /// <summary>Sets the checkpoint to <paramref name="head"/> even when that is older: only <c>archive checkpoint --reset</c> does this.</summary>
    public void Replace(ArchiveHead head) => Write(head, onlyForward: false);

    private void Write(ArchiveHead head, bool onlyForward)
    {
        var path = FilePath;
        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var fileLock = TakeFileLock(path + ".lock");
            if (onlyForward)
            {
                ArchiveHead? kept;
                try
                {
                    kept = Read();
                }
                catch (InvalidDataException)
                {
                    kept = null; // An unreadable file is replaced by a good head; verify reports it until then.
                }
                if (kept is not null && kept.Sequence >= head.Sequence)
                {
                    return;
                }
            }
            var partial = $"{path}.{Guid.NewGuid():N}.partial";
            try
            {
                using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    file.Write(Encoding.ASCII.GetBytes(head + "\n"));
                    file.Flush(flushToDisk: true);
                }
                File.Move(partial, path, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>An exclusive lock on a file beside the checkpoint, held by one process of those sharing the folder at a time.</summary>
    private FileStream TakeFileLock(string path)
    {
        var deadline = Environment.TickCount64 + (long)options.Value.CheckpointLockTimeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(options.Value.CheckpointLockRetry);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The archive checkpoint was not moved to record {Sequence} at {Path}; until a newer record moves it, removing the records after it goes unnoticed")]
    private static partial void LogNotWritten(ILogger logger, long sequence, string path, Exception exception);
}

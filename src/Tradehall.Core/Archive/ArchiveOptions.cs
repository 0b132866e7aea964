namespace Tradehall.Core.Archive;

/// <summary>ARC-01: where the chain's head is anchored outside the database.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>
    /// The checkpoint file: the newest (sequence, hash) this node appended. Empty means
    /// <c>&lt;Tradehall:DataPath&gt;/archive/head</c>. Keep it off the database's disk and out of the database's backups
    /// when that can be arranged: whoever can rewrite both can hide a removal.
    /// </summary>
    public string? CheckpointPath { get; set; }

    /// <summary>How long a node waits for another process (on a shared data folder) to finish writing the checkpoint.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CheckpointLockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause between two attempts to take the checkpoint's lock file.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan CheckpointLockRetry { get; set; } = TimeSpan.FromMilliseconds(10);
}

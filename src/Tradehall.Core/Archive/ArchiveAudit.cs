namespace Tradehall.Core.Archive;

/// <summary>What <c>archive verify</c> or <c>archive checkpoint</c> tells the operator: a line for standard output when it passed, problems and warnings for standard error.</summary>
public sealed record ArchiveReport(bool Passed, string? Summary, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings);

/// <summary>
/// ARC-01: proves the evidence archive whole. The hash chain shows that no record was altered or removed from its middle;
/// the checkpoint (and a head the operator kept) show that none was removed from its end.
/// </summary>
public sealed class ArchiveAudit(AppDbContext db, ArchiveCheckpoint checkpoint, EvidenceArchive archive)
{
    public const string ResetAction = "archive.checkpoint_reset";

    public async Task<ArchiveReport> VerifyAsync(ArchiveHead? expected, CancellationToken cancellationToken)
    {
        var chain = await ArchiveChain.VerifyAsync(db, cancellationToken);
        if (!chain.Intact)
        {
            return Failed($"broken after {chain.RecordsChecked} good records: {chain.Problem}");
        }
        List<string> problems = [];
        List<string> warnings = [];
        var (kept, unreadable) = ReadCheckpoint();
        if (unreadable is not null)
        {
            problems.Add(unreadable);
        }
        else if (kept is not null)
        {
            await AddAsync(problems, ArchiveChain.CheckAnchorAsync(db, chain, kept, $"the checkpoint ({checkpoint.FilePath})", cancellationToken));
        }
        if (expected is not null)
        {
            await AddAsync(problems, ArchiveChain.CheckAnchorAsync(db, chain, expected, "the expected head", cancellationToken));
        }
        if (kept is null && unreadable is null && chain.Head is { } head)
        {
            var missing = $"there is no checkpoint at {checkpoint.FilePath}";
            if (expected is not null)
            {
                warnings.Add($"{missing}; the end of the chain was checked against the expected head only. Run 'tradehall archive checkpoint --reset' to anchor it again.");
            }
            else
            {
                problems.Add($"{missing}, so removal of the newest records cannot be ruled out. The chain of {chain.RecordsChecked} records is intact up to head {head}: "
                    + "compare it with a head you kept ('archive verify --expect-head SEQUENCE:HASH'), then run 'tradehall archive checkpoint --reset'.");
            }
        }
        return problems.Count > 0 ? new(false, null, problems, warnings) : new(true, Intact(chain), [], warnings);
    }

    /// <summary>
    /// Moves the checkpoint to the chain's verified head. A checkpoint that is missing, unreadable or not on the chain is
    /// replaced only with <paramref name="reset"/> (after a restore from backup, or on a new node), and the reset itself
    /// is appended to the archive with the old and new heads, so it stays on the record.
    /// </summary>
    public async Task<ArchiveReport> CheckpointAsync(bool reset, CancellationToken cancellationToken)
    {
        var chain = await ArchiveChain.VerifyAsync(db, cancellationToken);
        if (!chain.Intact)
        {
            return Failed($"broken after {chain.RecordsChecked} good records: {chain.Problem}");
        }
        var (kept, unreadable) = ReadCheckpoint();
        var off = unreadable ?? (kept is null ? null : await ArchiveChain.CheckAnchorAsync(db, chain, kept, $"the checkpoint ({checkpoint.FilePath})", cancellationToken));
        var fresh = kept is null && unreadable is null;
        if (fresh && chain.Head is null)
        {
            return new(true, "checkpoint: 0 records, nothing to anchor yet", [], []);
        }
        if (off is null && !fresh && chain.Head is { } head)
        {
            checkpoint.Advance(head);
            return new(true, $"checkpoint: head {head}", [], []);
        }
        if (!reset)
        {
            return Failed((off ?? $"there is no checkpoint at {checkpoint.FilePath}")
                + ". If the database was restored from a backup or this node is new, check the head and run 'tradehall archive checkpoint --reset'.");
        }
        archive.Record(ResetAction, "archive:checkpoint", null,
            before: new { checkpoint = kept?.ToString(), problem = off },
            after: new { head = chain.Head?.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        var newest = await db.Set<ArchiveRecord>().AsNoTracking().OrderByDescending(r => r.Sequence)
            .Select(r => new ArchiveHead(r.Sequence, r.Hash)).FirstAsync(cancellationToken);
        checkpoint.Replace(newest);
        return new(true, $"checkpoint reset: head {newest} (was {kept?.ToString() ?? "none"})", [], off is null ? [] : [off]);
    }

    private (ArchiveHead? Kept, string? Unreadable) ReadCheckpoint()
    {
        try
        {
            return (checkpoint.Read(), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the checkpoint cannot be read: {e.Message}");
        }
    }

    private static string Intact(ArchiveVerification chain) =>
        chain.Head is { } head ? $"intact: {chain.RecordsChecked} records, head {head}" : "intact: 0 records";

    private static ArchiveReport Failed(string problem) => new(false, null, [problem], []);

    private static async Task AddAsync(List<string> problems, Task<string?> check)
    {
        if (await check is { } problem)
        {
            problems.Add(problem);
        }
    }
}

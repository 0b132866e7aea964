namespace Tradehall.Core.Archive;

/// <summary>
/// ARC-01: what other modules call to record evidence. The record joins the caller's unit of work
/// and is chained when that unit is saved, so the event and its evidence commit together.
/// </summary>
[ModuleApi]
public sealed class EvidenceArchive(AppDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>What the first record of <paramref name="action"/> on <paramref name="subject"/> says after the event (JSON), or null.</summary>
    public Task<string?> FirstAfterAsync(string subject, string action, CancellationToken cancellationToken) =>
        db.Set<ArchiveRecord>().AsNoTracking()
            .Where(r => r.Subject == subject && r.Action == action)
            .OrderBy(r => r.Sequence)
            .Select(r => r.After)
            .FirstOrDefaultAsync(cancellationToken);

    public void Record(string action, string subject, Guid? actorId, Guid? onBehalfOfId = null, object? before = null, object? after = null)
    {
        db.Set<ArchiveRecord>().Add(new ArchiveRecord
        {
            At = time.UtcNow(),
            ActorId = actorId,
            OnBehalfOfId = onBehalfOfId,
            Action = action,
            Subject = subject,
            Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
            PreviousHash = ArchiveChain.Genesis,
            Hash = ArchiveChain.Genesis,
        });
    }
}

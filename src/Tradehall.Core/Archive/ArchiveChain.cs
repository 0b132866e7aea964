using System.Security.Cryptography;

namespace Tradehall.Core.Archive;

/// <summary>The hash chain of ARC-01: how a record is sealed and how the whole log is verified.</summary>
public static class ArchiveChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Numbers and links <paramref name="pending"/> after the last stored record. Runs under the archive lock.</summary>
    internal static async Task SealAsync(DbContext db, IReadOnlyList<ArchiveRecord> pending, CancellationToken cancellationToken)
    {
        var last = await db.Set<ArchiveRecord>().AsNoTracking()
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? Genesis;
        foreach (var record in pending)
        {
            record.Sequence = ++sequence;
            record.PreviousHash = previous;
            record.Hash = previous = Compute(record);
        }
    }

    public static string Compute(ArchiveRecord r)
    {
        var canonical = string.Join('\u001f',
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            r.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            r.ActorId?.ToString() ?? "",
            r.OnBehalfOfId?.ToString() ?? "",
            r.Action, r.Subject, r.Ip ?? "", r.Before ?? "", r.After ?? "", r.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the chain in order; reports the first broken link, or null when intact.</summary>
    public static async Task<ArchiveVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previous = Genesis;
        await foreach (var r in db.Set<ArchiveRecord>().AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (r.Sequence != expected)
            {
                return new(expected - 1, $"record {expected} is missing (next found: {r.Sequence})", null);
            }
            if (r.PreviousHash != previous)
            {
                return new(expected - 1, $"record {r.Sequence} does not link to record {r.Sequence - 1}", null);
            }
            if (Compute(r) != r.Hash)
            {
                return new(expected - 1, $"record {r.Sequence} was altered", null);
            }
            previous = r.Hash;
            expected++;
        }
        return new(expected - 1, null, expected > 1 ? new ArchiveHead(expected - 1, previous) : null);
    }

    /// <summary>
    /// Whether an intact chain reaches <paramref name="anchor"/> (the checkpoint, or a head the operator kept) with the
    /// same hash; null when it does, else what is missing or different.
    /// </summary>
    public static async Task<string?> CheckAnchorAsync(AppDbContext db, ArchiveVerification chain, ArchiveHead anchor, string anchorName,
        CancellationToken cancellationToken = default)
    {
        var last = chain.RecordsChecked;
        if (last < anchor.Sequence)
        {
            var missing = last + 1 == anchor.Sequence ? $"record {anchor.Sequence} is missing" : $"records {last + 1} to {anchor.Sequence} are missing";
            return $"the chain ends at record {last} but {anchorName} says {anchor.Sequence} with hash {anchor.Hash}: {missing}";
        }
        var hash = await db.Set<ArchiveRecord>().AsNoTracking().Where(r => r.Sequence == anchor.Sequence).Select(r => r.Hash).SingleAsync(cancellationToken);
        return hash == anchor.Hash
            ? null
            : $"record {anchor.Sequence} has hash {hash} but {anchorName} says {anchor.Hash}: the chain was rewritten from there";
    }
}

/// <summary>The outcome of walking the chain; <see cref="Head"/> is its last record, null when the archive is empty or broken.</summary>
public sealed record ArchiveVerification(long RecordsChecked, string? Problem, ArchiveHead? Head)
{
    public bool Intact => Problem is null;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;

namespace Tradehall.Core.Archive;

/// <summary>The hash chain of ARC-01: how a record is sealed and how the whole log is verified.</summary>
public static class ArchiveChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Numbers and links <paramref name="pending"/> after the last stored record. Runs under the archive lock.</summary>
    internal static async Task SealAsync(AppDbContext db, IReadOnlyList<ArchiveRecord> pending, CancellationToken cancellationToken)
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
                return new(expected - 1, $"record {expected} is missing (next found: {r.Sequence})");
            }
            if (r.PreviousHash != previous)
            {
                return new(expected - 1, $"record {r.Sequence} does not link to record {r.Sequence - 1}");
            }
            if (Compute(r) != r.Hash)
            {
                return new(expected - 1, $"record {r.Sequence} was altered");
            }
            previous = r.Hash;
            expected++;
        }
        return new(expected - 1, null);
    }
}

public sealed record ArchiveVerification(long RecordsChecked, string? Problem)
{
    public bool Intact => Problem is null;
}

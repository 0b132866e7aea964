using Tradehall.Core.Notifications;

namespace Tradehall.Core.Privacy.Exports;

/// <summary>What a member sees of an export: §15.2 fixes <c>status</c> ("pending" or "ready") and <c>url</c>.</summary>
public sealed record ExportView(Guid Id, string Status, string? Url, DateTime RequestedAt, DateTime? ReadyAt, DateTime? ExpiresAt, long? Size);

public sealed record RequestedExport(Guid Id);

/// <summary>The zip of a ready export, for its owner only.</summary>
public sealed record ExportFile(Stream Content, string FileName);

/// <summary>
/// PRV-03: a member asks for all their data; the worker builds it (<see cref="RunDueAsync"/>) and tells them when it is
/// ready. A member has at most one export in preparation: asking again meanwhile answers the one already asked for, so a
/// second click neither fails nor builds the data twice. Another member's export is "not found", whoever asks.
/// </summary>
public sealed class DataExports(AppDbContext db, ExportArchive archive, IFileStore files, Notifier notifier, MemberLookup members,
    ExportSignal signal, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public const string Link = "/settings/privacy";
    private const string FileArea = "privacy-exports";

    public async Task<RequestedExport> RequestAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (await PendingOfAsync(memberId, cancellationToken) is { } pending)
        {
            return new RequestedExport(pending);
        }
        var export = new DataExport { MemberId = memberId, RequestedAt = time.UtcNow() };
        db.Add(export);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A request of the same member won the race (the one-pending index): answer that one.
            db.ChangeTracker.Clear();
            return new RequestedExport(await PendingOfAsync(memberId, cancellationToken) ?? throw new InvalidOperationException("The export was neither saved nor found."));
        }
        signal.Raise();
        return new RequestedExport(export.Id);
    }

    public async Task<ExportView> GetAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        // Past its lifetime an export is gone for its owner at once, even before the worker's sweep deletes the file.
        var export = await db.Set<DataExport>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id && e.MemberId == memberId && e.Status != DataExportStatus.Expired
                && (e.Status != DataExportStatus.Ready || e.ExpiresAt > now), cancellationToken)
            ?? throw NotFound();
        return View(export);
    }

    /// <summary>The member's exports, newest first, expired ones included (without a link).</summary>
    public async Task<IReadOnlyList<ExportView>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var exports = await db.Set<DataExport>().AsNoTracking().Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.RequestedAt).Take(20).ToListAsync(cancellationToken);
        return [.. exports.Select(View)];
    }

    public async Task<ExportFile> OpenAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var export = await db.Set<DataExport>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id && e.MemberId == memberId && e.Status == DataExportStatus.Ready && e.ExpiresAt > now, cancellationToken);
        var content = export?.FileKey is { } key ? files.Open(key) : null;
        return content is null ? throw NotFound() : new ExportFile(content, $"tradehall-data-{export!.ReadyAt:yyyy-MM-dd}.zip");
    }

    /// <summary>Builds every export waiting (one claim each, so two nodes never build the same) and deletes expired ones; returns how many it built.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await ExpireAsync(cancellationToken);
        var built = 0;
        var due = await db.Set<DataExport>().AsNoTracking().Where(e => e.Status == DataExportStatus.Pending)
            .OrderBy(e => e.RequestedAt).Select(e => e.Id).Take(50).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            if (await db.Set<DataExport>().TryClaimAsync(id, e => e.Status == DataExportStatus.Pending, time.UtcNow(), options.Value.ExportLease, cancellationToken))
            {
                await BuildAsync(id, cancellationToken);
                built++;
            }
        }
        return built;
    }

    private async Task BuildAsync(Guid id, CancellationToken cancellationToken)
    {
        var export = await db.Set<DataExport>().SingleAsync(e => e.Id == id, cancellationToken);
        var culture = (await members.FindAsync(export.MemberId, cancellationToken))?.Culture ?? "en";
        string key;
        long size;
        await using (var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            using (CultureScope.Use(culture))
            {
                await archive.WriteAsync(export.MemberId, zip, cancellationToken);
            }
            size = zip.Length;
            zip.Position = 0;
            key = await files.SaveAsync(FileArea, zip, cancellationToken);
        }
        var now = time.UtcNow();
        export.Status = DataExportStatus.Ready;
        export.ReadyAt = now;
        export.ExpiresAt = now + options.Value.ExportLifetime;
        export.FileKey = key;
        export.Size = size;
        export.LockedUntil = null;
        notifier.Add(new NotificationRequest(export.MemberId, NotificationType.ServiceNotice, Link, Notice: new DeferredText("Your data is ready",
            "The copy of your data you asked for is ready. Download it from the privacy page by {0}; then it is deleted.",
            DeferredValue.Day(DateOnly.FromDateTime(export.ExpiresAt.Value)))));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var expired = await db.Set<DataExport>().Where(e => e.Status == DataExportStatus.Ready && e.ExpiresAt <= now).ToListAsync(cancellationToken);
        foreach (var export in expired)
        {
            // The row changes first: a file deleted before a failed save would leave a "ready" export without its zip.
            var key = export.FileKey;
            export.Status = DataExportStatus.Expired;
            export.FileKey = null;
            await db.SaveChangesAsync(cancellationToken);
            if (key is not null)
            {
                await files.DeleteAsync(key, cancellationToken);
            }
        }
    }

    private Task<Guid?> PendingOfAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<DataExport>().AsNoTracking().Where(e => e.MemberId == memberId && e.Status == DataExportStatus.Pending)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);

    private static ExportView View(DataExport e) => new(e.Id, e.Status switch
    {
        DataExportStatus.Pending => "pending",
        DataExportStatus.Ready => "ready",
        _ => "expired",
    }, e.Status == DataExportStatus.Ready ? $"/api/v1/me/exports/{e.Id}/file" : null, e.RequestedAt, e.ReadyAt, e.ExpiresAt, e.Size);

    private static DomainException NotFound() => DomainException.NotFound("privacy.export_not_found", "No such export.");
}

/// <summary>Wakes the export worker when a member asks for their data, so it is built in seconds, not at the next poll.</summary>
public sealed class ExportSignal : WakeSignal;

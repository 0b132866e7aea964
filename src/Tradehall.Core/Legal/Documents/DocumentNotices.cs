using Tradehall.Core.Notifications;

namespace Tradehall.Core.Legal.Documents;

/// <summary>
/// OPS-06, NTF-01: every active member is told of a new version and the day it takes effect — in the notification centre,
/// and by email and SMS as their preferences say. A contractual notice: its in-app entry cannot be switched off. Members
/// are told in batches of <see cref="LegalOptions.NoticeBatchSize"/>, each batch with the version's cursor in one
/// transaction, so a round stopped midway goes on where it stopped and nobody is told twice.
/// </summary>
public sealed class DocumentNotices(AppDbContext db, MemberLookup members, Notifier notifier, TimeProvider time,
    IOptions<LegalOptions> options, IOptions<TradehallOptions> site)
{
    public const string JobName = "legal-document-notices";

    /// <summary>One round: tells the members of every version not yet announced to all; answers how many were told.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var told = 0;
        while (await db.Set<LegalDocument>().Where(d => d.NoticesDoneAt == null).OrderBy(d => d.PublishedAt)
            .FirstOrDefaultAsync(cancellationToken) is { } document)
        {
            told += await BatchAsync(document, cancellationToken);
        }
        return told;
    }

    private async Task<int> BatchAsync(LegalDocument document, CancellationToken cancellationToken)
    {
        var after = document.NoticeCursor ?? Guid.Empty;
        var batch = await members.Rows.Where(m => m.Active && m.Id.CompareTo(after) > 0).OrderBy(m => m.Id)
            .Select(m => m.Id).Take(options.Value.NoticeBatchSize).ToListAsync(cancellationToken);
        var kind = DeferredValue.Phrase(DocumentKinds.Name(document.Kind));
        var day = DeferredValue.Day(DocumentKinds.Day(document.EffectiveFrom, site.Value.Zone));
        foreach (var memberId in batch)
        {
            notifier.Add(new NotificationRequest(memberId, NotificationType.ServiceNotice, DocumentKinds.Path(document.Kind, document.Version),
                Group: "legal-document:" + document.Id.ToString("N"),
                Notice: new DeferredText("New version of the {0}: it takes effect on {2}",
                    "We published version {1} of the {0}. It takes effect on {2}. You can read it and see what changed at the link; when you first sign in after that day we ask you to accept it.",
                    kind, DeferredValue.Text(document.Version), day)));
        }
        if (batch.Count > 0)
        {
            document.NoticeCursor = batch[^1];
        }
        if (batch.Count < options.Value.NoticeBatchSize)
        {
            document.NoticesDoneAt = time.UtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return batch.Count;
    }
}

/// <summary>OPS-06, RUN-03: every <see cref="LegalOptions.NoticeInterval"/> one node, holding the lease, sends what is due.</summary>
public sealed class DocumentNoticeWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<LegalOptions> options, ILogger<DocumentNoticeWorker> logger)
    : PeriodicJobWorker<DocumentNotices>(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.NoticeInterval;

    protected override (string Name, TimeSpan Duration)? Lease => (DocumentNotices.JobName, TimeSpan.FromMinutes(10));

    protected override Task RunAsync(DocumentNotices job, CancellationToken cancellationToken) => job.RunAsync(cancellationToken);
}

using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Core.Notifications.Digests;

/// <summary>
/// NTF-03: unread chat messages are emailed as one digest per member, grouped by chat, once the oldest
/// has waited <see cref="NotificationsOptions.DigestDelay"/>. Messages read before then are never emailed;
/// every message is taken into at most one digest.
/// </summary>
public sealed class Digest(AppDbContext db, TimeProvider time, IOutbox outbox, NotificationMail mail, NotificationTexts texts,
    IStringLocalizer<SharedResource> text, IOptions<NotificationsOptions> options)
{
    public const string JobName = "notifications-digest";

    /// <summary>Sends the digests that are due now; answers how many emails were queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.UtcNow();
        var due = now - o.DigestDelay;
        var members = await Waiting().Where(n => n.CreatedAt <= due).Select(n => n.MemberId).Distinct()
            .Take(o.DigestBatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var memberId in members)
        {
            if (await SendAsync(memberId, now, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private IQueryable<Notification> Waiting() =>
        db.Set<Notification>().Where(n => n.Type == NotificationType.Message && n.ReadAt == null && n.DigestedAt == null);

    /// <summary>Takes every waiting message of the member, the newer ones too, so one digest covers the conversation so far.</summary>
    private async Task<bool> SendAsync(Guid memberId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = await Waiting().AsNoTracking().Where(n => n.MemberId == memberId && n.CreatedAt <= now)
            .OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var ids = messages.Select(n => n.Id).ToList();
        // The guarded update is the claim: a second runner, or a read in between, makes the counts differ.
        var claimed = await Waiting().Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestedAt, now), cancellationToken);
        if (claimed != ids.Count || ids.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var choices = await PreferenceSet.LoadAsync(db, [memberId], options.Value.Defaults, cancellationToken);
        var recipient = await new MemberLookup(db).Rows.Where(m => m.Id == memberId)
            .Select(m => new Recipient(m.Id, m.Email, m.Phone, m.PhoneConfirmed, m.FirstName, m.Culture))
            .FirstOrDefaultAsync(cancellationToken);
        var send = recipient?.Email is not null && choices.IsOn(memberId, NotificationType.Message, NotificationChannel.Email);
        if (send)
        {
            Compose(recipient!, messages);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return send;
    }

    private void Compose(Recipient r, List<Notification> messages)
    {
        using var _ = CultureScope.Use(r.Culture);
        var perChat = options.Value.DigestExcerptsPerChat;
        var chats = messages.GroupBy(n => n.Group ?? n.Link).Select(chat =>
        {
            var list = chat.ToList();
            var newest = list[^1];
            var actor = string.IsNullOrWhiteSpace(newest.ActorName) ? text["A member"].Value : newest.ActorName;
            var lines = new List<string>
            {
                list.Count == 1 ? text["{0} new message from {1}", list.Count, actor] : text["{0} new messages from {1}", list.Count, actor],
            };
            lines.AddRange(list.TakeLast(perChat).Where(n => !string.IsNullOrEmpty(n.Excerpt)).Select(n => "  “" + n.Excerpt + "”"));
            if (list.Count > perChat)
            {
                lines.Add("  " + text["and {0} more", list.Count - perChat]);
            }
            lines.Add("  " + mail.Url(newest.Link));
            return string.Join("\n", lines);
        });
        var subject = messages.Count == 1 ? texts.Headline(NotificationType.Message, messages[0].ActorName) : text["You have unread messages"].Value;
        mail.Email(outbox, r, r.Email!, subject, [text["These messages are waiting for your answer:"], .. chats]);
    }
}

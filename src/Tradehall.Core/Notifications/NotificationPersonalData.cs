using Tradehall.Core.Notifications.Preferences;

namespace Tradehall.Core.Notifications;

/// <summary>
/// PRV-03: the notification centre's part of a member's export — every entry as the member reads it, and their channel
/// choices. An entry another member caused keeps their name but not the excerpt of what they wrote: that is their data.
/// </summary>
internal sealed class NotificationPersonalData(AppDbContext db, NotificationTexts texts, NotificationPreferences preferences) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Notification>().AsNoTracking().Where(n => n.MemberId == memberId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        return new PersonalDataSection("notifications", new Dictionary<string, object?>
        {
            ["entries"] = rows.Select(n => new NotificationItem(n.Id, n.Type, texts.Headline(n), n.ActorName, n.ActorId is null ? texts.Body(n) : null, n.Link,
                n.CreatedAt, n.ReadAt is not null)).ToList(),
            ["preferences"] = (await preferences.GetAsync(memberId, cancellationToken)).Preferences,
        });
    }
}

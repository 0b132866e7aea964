namespace Tradehall.Core.Notifications.Preferences;

/// <summary>NTF-01: where a member hears about something: in the centre, by email, by SMS.</summary>
public enum NotificationChannel
{
    InApp = 0,
    Email = 1,
    Sms = 2,
}

/// <summary>
/// NTF-01: a member's own choice for one type on one channel. Only choices that differ from the
/// configured defaults are stored, so a changed default reaches everyone who never chose.
/// </summary>
public sealed class NotificationPreference
{
    public Guid MemberId { get; set; }
    public NotificationType Type { get; set; }
    public NotificationChannel Channel { get; set; }
    public bool Enabled { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("notifications_preferences");
        b.HasKey(p => new { p.MemberId, p.Type, p.Channel });
    }
}

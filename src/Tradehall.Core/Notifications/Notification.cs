namespace Tradehall.Core.Notifications;

/// <summary>NTF-01: what a notification is about; preferences are kept per type and channel.</summary>
[ModuleApi]
public enum NotificationType
{
    Message = 1,
    ContactRequest = 2,
    PageComment = 3,
    Billing = 4,
    ServiceNotice = 5,
    Marketing = 6,

    /// <summary>MKT-01: a listing is about to expire and may be renewed.</summary>
    ListingExpiring = 7,

    /// <summary>MKT-01: a listing expired and left the search.</summary>
    ListingExpired = 8,

    /// <summary>MKT-06: moderation took a listing down.</summary>
    ListingBlocked = 9,

    /// <summary>MKT-08: the other side of a chat accepted or declined the member's quote.</summary>
    QuoteAnswered = 10,

    /// <summary>MKT-04: new listings match a saved search.</summary>
    SavedSearch = 11,

    /// <summary>NET-05: an organization's admin invited the member to work there.</summary>
    OrganizationInvitation = 12,

    /// <summary>NET-04: the member a contact request went to accepted it.</summary>
    ContactAccepted = 13,
}

/// <summary>
/// NTF-01: one entry of a member's notification centre. The text is rendered in the reader's language
/// from the type, the actor's name and the excerpt, so nothing is stored pre-translated.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public NotificationType Type { get; set; }

    /// <summary>Who caused it (the writer of a message, the sender of a contact request); null for the operator.</summary>
    public Guid? ActorId { get; set; }

    [PersonalData("showing who caused a notification", Retention.WhileAccountExists)]
    public string? ActorName { get; set; }

    /// <summary>A short excerpt shown under the headline (a message's first words, a comment).</summary>
    [PersonalData("showing what a notification is about", Retention.WhileAccountExists)]
    public string? Excerpt { get; set; }

    /// <summary>What an operator-side notice says (a payment arrived, services suspended) as a serialized <see cref="DeferredText"/>.</summary>
    public string? Notice { get; set; }

    /// <summary>Site-relative address of what the notification is about.</summary>
    public required string Link { get; set; }

    /// <summary>Notifications of one group (one chat) are read together and grouped in a digest (NTF-03).</summary>
    public string? Group { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>NTF-03: when a digest email took this chat message in, so no message is emailed twice.</summary>
    public DateTime? DigestedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications_items");
        b.Property(n => n.ActorName).HasMaxLength(Notifier.ActorNameLength);
        b.Property(n => n.Excerpt).HasMaxLength(Notifier.ExcerptLength);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.Notice).HasMaxLength(DeferredText.MaxStoredLength);
        b.Property(n => n.Group).HasMaxLength(100);
        b.HasIndex(n => new { n.MemberId, n.CreatedAt });
        b.HasIndex(n => new { n.MemberId, n.Group, n.ReadAt });
        // NTF-03: the digest job looks for chat messages neither read nor digested yet.
        b.HasIndex(n => new { n.Type, n.DigestedAt, n.CreatedAt });
    }
}

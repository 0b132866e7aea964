namespace Tradehall.Core.Notifications;

public enum Channel
{
    Email = 1,
    Sms = 2,
}

/// <summary>
/// NTF-02: a message waiting to be delivered. Written in the same transaction as the event that
/// caused it; a background worker delivers it with retries and back-off.
/// </summary>
public sealed class OutboxMessage : ILeasedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Channel Channel { get; set; }
    public Guid? MemberId { get; set; }

    [PersonalData("delivering a notification", Shared.Retention.UntilDelivered)]
    public required string To { get; set; }

    public string? Subject { get; set; }

    [PersonalData("delivering a notification", Shared.Retention.UntilDelivered)]
    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("notifications_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        b.HasIndex(m => m.MemberId);
    }
}

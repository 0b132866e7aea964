namespace Tradehall.Core.Billing.Hooks;

public enum HookDeliveryStatus
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}

/// <summary>
/// BIL-24: one call of an operator-defined kind's webhook, written in the transaction that changed the service's status
/// and sent by <see cref="HookWorker"/>. Its id travels in the body and stays the same across retries and replays, so the
/// receiver can act on it once; its facts are fixed when it is queued, so every attempt sends the same body.
/// </summary>
public sealed class HookDelivery : ILeasedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Action { get; set; }
    public Guid ServiceId { get; set; }
    public required string KindCode { get; set; }
    public Guid TariffId { get; set; }
    public required string AccountNumber { get; set; }

    /// <summary>When the service's status changed (the time the delivery was queued).</summary>
    public DateTime OccurredAt { get; set; }

    public HookDeliveryStatus Status { get; set; } = HookDeliveryStatus.Pending;

    /// <summary>Attempts of the current series: since queuing, or since the last replay.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The HTTP status of the last answer; null when there was none (refused, timed out).</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>What went wrong last, in our words (never the receiver's body).</summary>
    public string? LastError { get; set; }

    public DateTime? DeliveredAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public int Replays { get; set; }

    public const int ErrorLength = 300;
}

internal sealed class HookDeliveryConfiguration : IEntityTypeConfiguration<HookDelivery>
{
    public void Configure(EntityTypeBuilder<HookDelivery> b)
    {
        b.ToTable("billing_hook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Action).HasMaxLength(20);
        b.Property(d => d.KindCode).HasMaxLength(40);
        b.Property(d => d.AccountNumber).HasMaxLength(12);
        b.Property(d => d.LastError).HasMaxLength(HookDelivery.ErrorLength);
        // The worker takes due rows from this index; the log lists by status and kind, newest first.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.KindCode, d.OccurredAt });
        b.HasIndex(d => d.ServiceId);
    }
}

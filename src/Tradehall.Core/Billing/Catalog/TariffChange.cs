namespace Tradehall.Core.Billing.Catalog;

/// <summary>BIL-14: what an announcement is about.</summary>
public enum TariffChangeType
{
    /// <summary>The tariff's price changes from <see cref="TariffChange.EffectiveOn"/>.</summary>
    Price = 1,

    /// <summary>A new tariff of the kind goes on sale.</summary>
    New = 2,

    /// <summary>The tariff is closed; its subscribers move to the successor.</summary>
    Closed = 3,
}

/// <summary>
/// BIL-14: a change of a tariff announced to the subscribers it affects at least the notice period before it takes
/// effect; each of them may object until <see cref="ObjectionsUntil"/>, and silence is acceptance.
/// </summary>
public sealed class TariffChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public TariffChangeType Type { get; set; }
    public Guid TariffId { get; set; }
    public Guid KindId { get; set; }

    /// <summary>The price before the change (none for a new tariff), and after it — the successor's for a closed tariff.</summary>
    public long? OldPrice { get; set; }
    public long NewPrice { get; set; }

    /// <summary>A closed tariff's successor.</summary>
    public Guid? SuccessorTariffId { get; set; }

    public DateOnly AnnouncedOn { get; set; }
    public DateTime AnnouncedAt { get; set; }
    public DateOnly EffectiveOn { get; set; }

    /// <summary>The last day an objection is taken (inclusive).</summary>
    public DateOnly ObjectionsUntil { get; set; }

    public Guid? AnnouncedBy { get; set; }
}

/// <summary>BIL-14: one subscriber told of one change, and what they answered — an objection, or silence accepted when the window closed.</summary>
public sealed class TariffChangeAddressee
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChangeId { get; set; }
    public Guid MemberId { get; set; }
    public DateTime NotifiedAt { get; set; }

    public DateTime? ObjectedAt { get; set; }
    public string? ObjectionReason { get; set; }

    /// <summary>The day the objecting subscriber's services stopped renewing at the new terms.</summary>
    public DateOnly? RenewalStoppedOn { get; set; }

    /// <summary>The day after the window closed without an objection: the change is accepted.</summary>
    public DateOnly? AcceptedOn { get; set; }

    public const int ReasonLength = 2000;
}

internal sealed class TariffChangeConfiguration : IEntityTypeConfiguration<TariffChange>, IEntityTypeConfiguration<TariffChangeAddressee>
{
    public void Configure(EntityTypeBuilder<TariffChange> b)
    {
        b.ToTable("billing_tariff_changes");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.AnnouncedAt);
        b.HasOne<Tariff>().WithMany().HasForeignKey(c => c.TariffId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TariffChangeAddressee> b)
    {
        b.ToTable("billing_tariff_change_addressees");
        b.HasKey(a => a.Id);
        b.Property(a => a.ObjectionReason).HasMaxLength(TariffChangeAddressee.ReasonLength);
        b.HasIndex(a => new { a.ChangeId, a.MemberId }).IsUnique();
        b.HasIndex(a => new { a.MemberId, a.ChangeId });
        // Named here: the name EF makes up is longer than PostgreSQL keeps.
        b.HasOne<TariffChange>().WithMany().HasForeignKey(a => a.ChangeId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_billing_tariff_change_addressees_ChangeId");
    }
}

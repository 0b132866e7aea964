using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Core.Billing.Services;

public enum ServiceStatus
{
    AwaitingConfirmation = 1,
    Active = 2,
    Suspended = 3,
    Stopped = 4,

    /// <summary>BIL-11: the grace period after a suspension for non-payment ran out and the service's data was deleted.</summary>
    Deleted = 5,

    /// <summary>BIL-20: paused on the subscriber's request — not provided, and renewed at the pause tariff.</summary>
    Paused = 6,
}

/// <summary>BIL-07..09: a service a subscriber ordered in a tariff, paid one reporting period in advance.</summary>
public sealed class SubscribedService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid TariffId { get; set; }

    /// <summary>BIL-15: the tariff chosen to take over at the next renewal.</summary>
    public Guid? NextTariffId { get; set; }

    public required string KindCode { get; set; }

    /// <summary>
    /// BIL-06, BIL-07: a built-in subscription, of which a member holds at most one that is awaiting confirmation,
    /// active or suspended; a unique index over those rows keeps it so against parallel orders on every node.
    /// Operator-defined kinds (hosting, servers) may be ordered several times and leave this false.
    /// </summary>
    public bool Exclusive { get; set; }

    public ServiceStatus Status { get; set; }
    public bool AutoRenew { get; set; }

    /// <summary>BIL-08: the day periods are counted from; each period ends on this day of a month, clamped to the month's length.</summary>
    public DateOnly? ActivatedOn { get; set; }

    /// <summary>1 for the first period, 2 after the first renewal, ...</summary>
    public int Period { get; set; }

    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>BIL-10, BIL-11: the day the service was suspended for non-payment; its grace period counts from it.</summary>
    public DateOnly? SuspendedOn { get; set; }

    /// <summary>BIL-11: the day the subscriber was told the reserve days began.</summary>
    public DateOnly? ReserveWarnedOn { get; set; }

    public DateOnly? DeletedOn { get; set; }

    /// <summary>BIL-20: the day the subscriber paused the service; null while it is not paused.</summary>
    public DateOnly? PausedOn { get; set; }

    /// <summary>BIL-20: the current period was paid at the pause tariff, so resuming within it starts a new period at the full price.</summary>
    public bool PeriodAtPausePrice { get; set; }

    /// <summary>The states in which a service is held: awaiting confirmation, active, suspended or paused.</summary>
    public static readonly IReadOnlyList<ServiceStatus> Live = [ServiceStatus.AwaitingConfirmation, ServiceStatus.Active, ServiceStatus.Suspended, ServiceStatus.Paused];
}

internal sealed class SubscribedServiceConfiguration : IEntityTypeConfiguration<SubscribedService>
{
    internal const string OneLivePerKindIndex = "IX_billing_services_one_live_per_kind";

    /// <summary>Exclusive rows that are live: awaiting confirmation, active, suspended or paused (<see cref="ServiceStatus"/> 1, 2, 3, 6).</summary>
    internal const string OneLivePerKindFilter = "\"Exclusive\" AND \"Status\" IN (1, 2, 3, 6)";

    public void Configure(EntityTypeBuilder<SubscribedService> b)
    {
        b.ToTable("billing_services");
        b.HasKey(s => s.Id);
        b.Property(s => s.KindCode).HasMaxLength(40);
        b.HasIndex(s => new { s.MemberId, s.Status });
        b.HasIndex(s => new { s.MemberId, s.KindCode }, OneLivePerKindIndex).IsUnique().HasFilter(OneLivePerKindFilter);
        // The billing run takes due services in (end, id) order straight from this index, batch after batch.
        b.HasIndex(s => new { s.Status, s.PeriodEnd, s.Id });
        b.HasOne<BillingAccount>().WithMany().HasForeignKey(s => s.BillingAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tariff>().WithMany().HasForeignKey(s => s.TariffId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>BIL-08: reporting periods anchored on the activation day.</summary>
[ModuleApi]
public static class ReportingPeriods
{
    /// <summary>The first day of period <paramref name="n"/> (1-based) of a service activated on <paramref name="activatedOn"/>.</summary>
    public static DateOnly Start(DateOnly activatedOn, int n, int months = 1) => activatedOn.AddMonths((n - 1) * months);

    /// <summary>The day period <paramref name="n"/> ends (the next one starts): 31 Jan → 28/29 Feb → 31 Mar.</summary>
    public static DateOnly End(DateOnly activatedOn, int n, int months = 1) => activatedOn.AddMonths(n * months);

    /// <summary>
    /// The end of the period that starts at <paramref name="start"/> (itself a period end of a service activated on
    /// <paramref name="activatedOn"/>) and lasts <paramref name="months"/>: counted from the activation day, so a
    /// 31 January service ends periods on 28/29 February and then on 31 March, never drifting to the 28th.
    /// </summary>
    public static DateOnly Next(DateOnly activatedOn, DateOnly start, int months) =>
        activatedOn.AddMonths((start.Year - activatedOn.Year) * 12 + start.Month - activatedOn.Month + months);
}

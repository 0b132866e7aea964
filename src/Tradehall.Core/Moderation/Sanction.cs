namespace Tradehall.Core.Moderation;

/// <summary>OPS-02: the sanctions the operator may impose; each is a recorded violation.</summary>
public static class SanctionKinds
{
    public const string Warning = "warning";
    public const string Restriction = "restriction";
    public const string Suspension = "suspension";
    public const string Termination = "termination";

    public static readonly IReadOnlyList<string> All = [Warning, Restriction, Suspension, Termination];
}

/// <summary>
/// OPS-02: a recorded violation — the sanction the operator imposed, why, and on which complaint. A restriction or a
/// suspension holds until lifted; lifting is recorded here (and archived), the violation itself stays on record.
/// </summary>
public sealed class Sanction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public required string Kind { get; set; }

    [PersonalData("recording a violation of the rules", Retention.ContractPlusThreeYears)]
    public required string Reason { get; set; }

    public Guid? ComplaintId { get; set; }

    /// <summary>For a restriction: what it forbids (<see cref="MemberRestrictions"/>), comma-separated.</summary>
    public string Restrictions { get; set; } = "";

    public DateTime At { get; set; }
    public Guid ImposedBy { get; set; }
    public DateTime? LiftedAt { get; set; }
    public Guid? LiftedBy { get; set; }

    public IReadOnlyList<string> RestrictionList => Restrictions.Length == 0 ? [] : Restrictions.Split(',');

    /// <summary>A restriction or suspension not lifted yet.</summary>
    public bool Active => LiftedAt is null && Kind is SanctionKinds.Restriction or SanctionKinds.Suspension;
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.ToTable("moderation_sanctions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Kind).HasMaxLength(20);
        b.Property(s => s.Reason).HasMaxLength(ModerationOptions.ReasonColumnLength);
        b.Property(s => s.Restrictions).HasMaxLength(60);
        b.Ignore(s => s.RestrictionList);
        b.Ignore(s => s.Active);
        b.HasIndex(s => new { s.MemberId, s.At });
    }
}

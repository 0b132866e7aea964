namespace Tradehall.Core.Archive;

/// <summary>
/// ARC-01: one security- or money-relevant event. Records are only appended; each carries the hash
/// of its predecessor, so altering or removing one breaks the chain.
/// </summary>
public sealed class ArchiveRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Position in the chain: 1, 2, 3, ... without gaps; assigned when the record is sealed.</summary>
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? OnBehalfOfId { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }

    [PersonalData("evidence of who did what from where", Shared.Retention.Archive)]
    public string? Ip { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

internal sealed class ArchiveRecordConfiguration : IEntityTypeConfiguration<ArchiveRecord>
{
    public void Configure(EntityTypeBuilder<ArchiveRecord> b)
    {
        b.ToTable("archive_records");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Sequence).IsUnique();
        b.Property(r => r.Action).HasMaxLength(64);
        b.Property(r => r.Subject).HasMaxLength(200);
        b.Property(r => r.Ip).HasMaxLength(45);
        b.Property(r => r.PreviousHash).HasMaxLength(64);
        b.Property(r => r.Hash).HasMaxLength(64);
        b.HasIndex(r => r.ActorId);
        b.HasIndex(r => r.OnBehalfOfId);
    }
}

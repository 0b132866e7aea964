namespace Tradehall.Core.Documents.Reissues;

/// <summary>DOC-03, BIL-18: one set of past documents re-issued at once, and what it cost.</summary>
public sealed class Reissue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public DateTime At { get; set; }

    /// <summary>Minor units charged for the set: the re-issue fee, or zero when the operator was at fault.</summary>
    public long Fee { get; set; }
    public required string Currency { get; set; }

    /// <summary>The operator who re-issued the set free of charge, and why; null when the subscriber asked.</summary>
    public Guid? OperatorId { get; set; }
    public string? Reason { get; set; }

    public List<ReissuedCopy> Copies { get; set; } = [];
}

/// <summary>A copy of an invoice or certificate, marked on every page as a re-issued copy; the original is unchanged.</summary>
public sealed class ReissuedCopy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReissueId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary><c>invoice</c> or <c>certificate</c>.</summary>
    public required string Kind { get; set; }
    public Guid OriginalId { get; set; }
    public required string Number { get; set; }
    public DateTime At { get; set; }
    public required byte[] Pdf { get; set; }
}

internal sealed class ReissueConfiguration : IEntityTypeConfiguration<Reissue>, IEntityTypeConfiguration<ReissuedCopy>
{
    public const int ReasonLength = 2000;

    public void Configure(EntityTypeBuilder<Reissue> b)
    {
        b.ToTable("documents_reissues");
        b.HasKey(r => r.Id);
        b.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(r => r.Reason).HasMaxLength(ReasonLength);
        b.HasIndex(r => new { r.MemberId, r.At });
        b.HasMany(r => r.Copies).WithOne().HasForeignKey(c => c.ReissueId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReissuedCopy> b)
    {
        b.ToTable("documents_reissued_copies");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Number).HasMaxLength(20);
        b.HasIndex(c => new { c.MemberId, c.At });
        b.HasIndex(c => c.ReissueId);
    }
}

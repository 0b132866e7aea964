namespace Tradehall.Core.Privacy.Exports;

public enum DataExportStatus
{
    Pending = 1,
    Ready = 2,

    /// <summary>The file was deleted when the export expired; the row stays so the member sees the request in the list.</summary>
    Expired = 3,
}

/// <summary>
/// PRV-03: a member's request for all their data. The worker builds the zip (<c>data.json</c> and the member's files),
/// stores it and marks the row ready; it expires <see cref="PrivacyOptions.ExportLifetime"/> after that and its file is deleted.
/// </summary>
public sealed class DataExport : ILeasedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public DataExportStatus Status { get; set; } = DataExportStatus.Pending;
    public DateTime RequestedAt { get; set; }
    public DateTime? ReadyAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The zip in the file store while the export is ready.</summary>
    public string? FileKey { get; set; }

    public long? Size { get; set; }
    public DateTime? LockedUntil { get; set; }
}

internal sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> b)
    {
        b.ToTable("privacy_exports");
        b.HasKey(e => e.Id);
        b.Property(e => e.FileKey).HasMaxLength(100);
        b.HasIndex(e => new { e.MemberId, e.RequestedAt });
        b.HasIndex(e => new { e.Status, e.ExpiresAt });
        // One export in preparation per member, even when two requests race.
        b.HasIndex(e => e.MemberId).HasDatabaseName("IX_privacy_exports_one_pending").IsUnique().HasFilter("\"Status\" = 1");
    }
}

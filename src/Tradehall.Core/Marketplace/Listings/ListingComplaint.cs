namespace Tradehall.Core.Marketplace.Listings;

/// <summary>
/// MKT-06, OPS-02: a member's complaint about a listing, for the moderation queue. The title is copied, so the
/// evidence stays what was reported even after the owner edits the listing.
/// </summary>
public sealed class ListingComplaint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ListingId { get; set; }
    public Guid ReporterId { get; set; }
    public Guid OwnerId { get; set; }

    [PersonalData("reviewing a complaint about a listing", Retention.ContractPlusThreeYears)]
    public required string Reason { get; set; }

    public required string ListingTitle { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ListingComplaintConfiguration : IEntityTypeConfiguration<ListingComplaint>
{
    public void Configure(EntityTypeBuilder<ListingComplaint> b)
    {
        b.ToTable("marketplace_listing_complaints");
        b.Property(c => c.ListingTitle).HasMaxLength(500);
        b.HasIndex(c => new { c.ListingId, c.ReporterId }).IsUnique();
        b.HasIndex(c => c.CreatedAt);
    }
}

/// <summary>OPS-02: moderation checks a sanction's complaint about a listing here.</summary>
internal sealed class ListingComplaintRecords(AppDbContext db) : Moderation.IComplaintRecords
{
    public Task<Guid?> AccusedAsync(Guid complaintId, CancellationToken cancellationToken) =>
        db.Set<ListingComplaint>().Where(c => c.Id == complaintId).Select(c => (Guid?)c.OwnerId).FirstOrDefaultAsync(cancellationToken);
}

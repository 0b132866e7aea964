namespace Tradehall.Core.Legal;

public enum DocumentKind
{
    Terms = 1,
    Privacy = 2,
    Offer = 3,
}

/// <summary>OPS-06: one version of the Terms, the Privacy Policy or the offer, in both site languages.</summary>
public sealed class LegalDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DocumentKind Kind { get; set; }
    public required string Version { get; set; }
    public DateTime EffectiveFrom { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string TitleEn { get; set; }
    public required string BodyEn { get; set; }
    public required string TitleRu { get; set; }
    public required string BodyRu { get; set; }

    /// <summary>The operator who published it; null for the versions the site ships with.</summary>
    public Guid? PublishedBy { get; set; }

    /// <summary>OPS-06: the last member (in id order) told of this version; the notice worker goes on after it.</summary>
    public Guid? NoticeCursor { get; set; }

    /// <summary>OPS-06: when every member had been told; set at once for the versions the site ships with.</summary>
    public DateTime? NoticesDoneAt { get; set; }

    public string Title(string culture) => culture.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? TitleRu : TitleEn;
    public string Body(string culture) => culture.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? BodyRu : BodyEn;
}

/// <summary>PRV-02, OPS-06: a member accepted a document version at a time from an address.</summary>
public sealed class DocumentAcceptance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public Guid DocumentId { get; set; }
    public DateTime AcceptedAt { get; set; }

    [PersonalData("proof of consent", Shared.Retention.ContractPlusThreeYears)]
    public string? Ip { get; set; }
}

internal sealed class LegalDocumentConfiguration : IEntityTypeConfiguration<LegalDocument>, IEntityTypeConfiguration<DocumentAcceptance>
{
    public void Configure(EntityTypeBuilder<LegalDocument> b)
    {
        b.ToTable("legal_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.Version).HasMaxLength(32);
        b.Property(d => d.TitleEn).HasMaxLength(200);
        b.Property(d => d.TitleRu).HasMaxLength(200);
        b.HasIndex(d => new { d.Kind, d.Version }).IsUnique();
        b.HasIndex(d => d.NoticesDoneAt);
    }

    public void Configure(EntityTypeBuilder<DocumentAcceptance> b)
    {
        b.ToTable("legal_acceptances");
        b.HasKey(a => a.Id);
        b.Property(a => a.Ip).HasMaxLength(45);
        b.HasIndex(a => new { a.MemberId, a.DocumentId }).IsUnique();
        b.HasOne<LegalDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

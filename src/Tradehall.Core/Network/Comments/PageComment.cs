namespace Tradehall.Core.Network.Comments;

/// <summary>NET-03: a member's comment on another member's (or their own) personal page.</summary>
public sealed class PageComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The owner of the page the comment is on.</summary>
    public Guid PageOwnerId { get; set; }

    public Guid AuthorId { get; set; }

    [PersonalData("showing the comment on the page", Retention.WhileAccountExists)]
    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class PageCommentConfiguration : IEntityTypeConfiguration<PageComment>
{
    public void Configure(EntityTypeBuilder<PageComment> b)
    {
        b.ToTable("network_comments");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.PageOwnerId, c.CreatedAt });
        b.HasIndex(c => c.AuthorId);
    }
}

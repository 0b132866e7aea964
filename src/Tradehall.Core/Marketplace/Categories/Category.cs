using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Core.Marketplace.Categories;

/// <summary>
/// MKT-01: one node of the listing taxonomy; ids are stable, so links and saved searches keep working. A category is
/// never deleted: the operator retires it or merges it into another, and <see cref="MergedIntoId"/> then names the
/// category its links lead to.
/// </summary>
public sealed class Category
{
    public int Id { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Lower-case Latin words with hyphens, unique: what URLs and imports name the category by.</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Other words traders use for it, in any language, separated by commas (MKT-02: a query matches them too).</summary>
    public string Synonyms { get; set; } = "";

    /// <summary>No longer offered for new listings nor shown in the tree; its listings were moved to <see cref="MergedIntoId"/>.</summary>
    public bool Retired { get; set; }

    /// <summary>The successor of a retired category: a search or link by this category's id answers with the successor's.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>
    /// Raised by one on every change of the row (new rows start at 1), so the sum over the table grows with every edit
    /// however edits interleave; <see cref="CategoryShape"/> compares that sum to know its copy is current.
    /// </summary>
    public int Version { get; set; } = 1;

    public string Name(bool russian) => russian ? NameRu : NameEn;
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("marketplace_categories");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Code).HasMaxLength(60);
        b.Property(c => c.NameEn).HasMaxLength(100);
        b.Property(c => c.NameRu).HasMaxLength(100);
        b.Property(c => c.Synonyms).HasMaxLength(SynonymWords.MaxLength);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.ParentId);
    }
}

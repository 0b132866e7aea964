using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tradehall.Core.Marketplace.Categories;

/// <summary>MKT-01: one node of the listing taxonomy; ids are stable, so links and saved searches keep working.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Lower-case Latin words with hyphens, unique: what URLs and imports name the category by.</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public int SortOrder { get; set; }

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
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.ParentId);
    }
}

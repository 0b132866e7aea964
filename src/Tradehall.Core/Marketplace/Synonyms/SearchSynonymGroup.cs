namespace Tradehall.Core.Marketplace.Synonyms;

/// <summary>
/// MKT-02: words and phrases, in any language, that a search treats as one — "pine, сосна, sosna". The operator keeps
/// the list; a word may stand in several groups, and a search expands a word by one level only, so groups that lead
/// into each other never loop.
/// </summary>
public sealed class SearchSynonymGroup
{
    public int Id { get; set; }

    /// <summary>Two to twenty entries separated by commas, as <see cref="SynonymWords"/> stores them.</summary>
    public required string Words { get; set; }
}

internal sealed class SearchSynonymGroupConfiguration : IEntityTypeConfiguration<SearchSynonymGroup>
{
    public void Configure(EntityTypeBuilder<SearchSynonymGroup> b)
    {
        b.ToTable("marketplace_search_synonyms");
        b.Property(g => g.Words).HasMaxLength(SynonymWords.MaxLength);
    }
}

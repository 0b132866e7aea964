using System.Globalization;
using System.Text;
using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Tests.Marketplace;

public sealed class SearchTextTests
{
    /// <summary>The fold FTS5's remove_diacritics stands for, spelled out with Unicode's own tables.</summary>
    private static string UnicodeFold(string text) => new string(text.ToLowerInvariant().Normalize(NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).Normalize(NormalizationForm.FormC);

    [Theory]
    [InlineData("Доска обрезная ЁЛКА, ЙОРКШИР; ёлка и йогурт")]
    [InlineData("Birch PLYWOOD 18×1525×1525 mm – grade B/BB, №5, 20 °C")]
    [InlineData("Café crème, Ångström, Straße, naïve")]
    [InlineData("Ελληνικά ΞΎΛΑ, İstanbul, Ǆemal")]
    [InlineData("e\u0301 and й in decomposed form")]
    public void MKT02_the_fold_of_titles_matches_the_unicode_fold(string text) =>
        Assert.Equal(UnicodeFold(text), SearchText.Fold(text));

    [Fact]
    public void MKT02_relevance_counts_the_terms_and_phrases_a_title_holds()
    {
        var terms = SearchText.FoldTerms(SearchText.Parse("\"birch plywood\" ёлка pine"));
        Assert.Equal(3, SearchText.TitleScore(terms, "BIRCH-plywood 18×1525 from Елка, pine"));
        Assert.Equal(1, SearchText.TitleScore(terms, "Plywood, birch; pineapple boxes, ЕЛКА"));
        Assert.Equal(0, SearchText.TitleScore(terms, "Birchplywood"));
    }
}

using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Tests.Marketplace;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Доска ЁЛКА, Йоркшир", "доска елка, йоркшир")]
    [InlineData("Café crème, Ångström, naïve", "cafe creme, angstrom, naive")]
    [InlineData("e\u0301 and й in decomposed form", "e and й in decomposed form")]
    public void MKT02_text_folds_to_lower_case_without_latin_diacritics_keeping_short_i(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text).Normalize());

    [Theory]
    [InlineData("boards", "board")]
    [InlineData("board", "board")]
    [InlineData("pines", "pine")]
    [InlineData("pellets", "pellet")]
    [InlineData("доски", "доск")]
    [InlineData("доска", "доск")]
    [InlineData("сосны", "сосн")]
    [InlineData("a500c", "a500c")]
    [InlineData("6000", "6000")]
    public void MKT02_words_of_either_language_reduce_to_their_stem(string word, string key) =>
        Assert.Equal(key, SearchAnalyzer.Key(SearchText.Fold(word)));

    [Fact]
    public void MKT02_a_genitive_plural_with_a_fleeting_vowel_also_looks_for_the_other_stem()
    {
        Assert.Equal("доск", SearchAnalyzer.FleetingVowelStem("досок"));
        Assert.Equal("бруск", SearchAnalyzer.FleetingVowelStem("брусок"));
        Assert.Null(SearchAnalyzer.FleetingVowelStem("фанера"));
    }

    [Fact]
    public void MKT02_common_words_are_dropped_and_break_phrases()
    {
        Assert.Equal(["доск", null, "сосн"], SearchAnalyzer.Keys("доска из сосны"));
        Assert.Equal(["board", null, "pine"], SearchAnalyzer.Keys("boards of pine"));
    }

    [Fact]
    public void MKT02_quotes_make_phrases_and_an_unbalanced_quote_opens_nothing()
    {
        var terms = SearchText.Parse("\"birch plywood\" pine \"open");
        Assert.Equal(["birch plywood", "pine", "open"], terms.Select(t => t.Text));
        Assert.Empty(SearchText.Parse("?!*()\"\"--"));
    }
}

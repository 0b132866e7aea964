using Tradehall.Core.Network.Profiles;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Shared;

/// <summary>NET-06: names and places in the other alphabet, and the one folded form both spellings meet in.</summary>
public sealed class TransliterationTests
{
    [Theory]
    [InlineData("Петрова", "Petrova")]
    [InlineData("Щербаков", "Shcherbakov")]
    [InlineData("Жуков", "Zhukov")]
    [InlineData("Юрий", "Iurii")]
    [InlineData("Екатерина", "Ekaterina")]
    [InlineData("Архангельск", "Arkhangelsk")]
    [InlineData("Цветков", "Tsvetkov")]
    [InlineData("Ярославль", "Iaroslavl")]
    [InlineData("Пётр Чайковский", "Petr Chaikovskii")]
    [InlineData("Объедков", "Obieedkov")]
    [InlineData("Сыктывкар", "Syktyvkar")]
    [InlineData("Римский-Корсаков", "Rimskii-Korsakov")]
    [InlineData("ЮЛИЯ ЩЕРБАКОВА", "IULIIA SHCHERBAKOVA")]
    [InlineData("ООО «Лесной край» 2", "OOO «Lesnoi krai» 2")]
    public void NET06_Cyrillic_is_written_in_Latin_as_in_Russian_passports(string cyrillic, string latin) =>
        Assert.Equal(latin, Transliteration.ToLatin(cyrillic));

    [Fact]
    public void NET06_page_addresses_keep_the_readable_spelling()
    {
        Assert.Equal("Yuliya Yakovleva", Transliteration.ToLatin("Юлия Яковлева", LatinSpelling.Readable));
        Assert.Equal("yuliya-yakovleva", Handles.Stem("Юлия", "Яковлева"));
        Assert.Equal("severnyi-les", Handles.Stem("Северный лес"));
    }

    [Theory]
    [InlineData("arhangelsk", "Архангельск", "Arkhangelsk", "Arhangelsk", "ARKHANGELSK")]
    [InlineData("petrova", "Петрова", "Petrova", "Petrová")]
    [InlineData("yuri", "Юрий", "Yuri", "Iurii", "Yuriy", "Yury")]
    [InlineData("ekaterina", "Екатерина", "Ekaterina", "Yekaterina")]
    [InlineData("sherbakov", "Щербаков", "Shcherbakov", "Scherbakov", "Sherbakov")]
    [InlineData("zhukov", "Жуков", "Zhukov")]
    [InlineData("cvetkov", "Цветков", "Tsvetkov", "Tzvetkov", "Cvetkov")]
    [InlineData("marya", "Мария", "Maria", "Mariya", "Mariia")]
    [InlineData("ilya", "Илья", "Ilya", "Il'ya", "Ilia")]
    [InlineData("fedor", "Фёдор", "Fedor", "Fyodor")]
    [InlineData("andrei", "Андрей", "Andrey", "Andrei")]
    [InlineData("dmitri", "Дмитрий", "Dmitriy", "Dmitry", "Dmitrii")]
    [InlineData("vasilev", "Васильев", "Vasilyev", "Vasiliev", "Vasil'ev")]
    [InlineData("aleksei", "Алексей", "Aleksei", "Alexey")]
    [InlineData("chaikovski", "Чайковский", "Tchaikovsky", "Chaikovskii")]
    [InlineData("kiril", "Кирилл", "Kirill", "Kiril")]
    [InlineData("nizhni novgorod", "Нижний Новгород", "Nizhny Novgorod", "Nizhniy-Novgorod", "nizhnii  novgorod")]
    [InlineData("rimski korsakov", "Римский-Корсаков", "Rimsky-Korsakov", "Rimskiy Korsakov", "Rimskii – Korsakov")]
    [InlineData("strase", "Straße", "Strasse")]
    public void NET06_every_spelling_of_a_name_has_one_skeleton(string skeleton, params string[] spellings) =>
        Assert.All(spellings, s => Assert.Equal(skeleton, NameSkeleton.Key(s)));

    [Theory]
    [InlineData("Julia", "Юлия")]
    [InlineData("Jukov", "Жуков")]
    [InlineData("Jurij", "Юрий")]
    [InlineData("Sergej", "Сергей")]
    [InlineData("Jenya", "Женя")]
    public void NET06_a_Latin_j_is_read_as_a_glide_and_as_zh(string latin, string cyrillic)
    {
        Assert.True(Finds(latin, cyrillic), $"{cyrillic} finds {latin}");
        Assert.True(Finds(cyrillic, latin), $"{latin} finds {cyrillic}");
    }

    [Theory]
    [InlineData("Anna Petrova anna-petrova", "Петрова")]
    [InlineData("Петрова Анна", "Petrova")]
    [InlineData("Arkhangelsk", "Арх")]
    [InlineData("Архангельск", "Ark")]
    [InlineData("Щербаков", "Shc")]
    [InlineData("Цветков", "Tsvet")]
    [InlineData("Цветков", "T")]
    [InlineData("Maria", "Мари")]
    [InlineData("Мария", "Mari")]
    [InlineData("Юрий", "Yu")]
    [InlineData("Римский-Корсаков", "Rimsky Korsakov")]
    [InlineData("Rimsky-Korsakov", "Корсаков")]
    public void NET06_a_query_finds_its_word_and_its_beginning_in_the_other_alphabet(string stored, string query) =>
        Assert.True(Finds(stored, query), $"«{query}» finds «{stored}»");

    [Theory]
    [InlineData("Petrova", "Сидорова")]
    [InlineData("Петрова", "Ivanova")]
    [InlineData("Arkhangelsk", "Астрахань")]
    [InlineData("Архангельск", "Astrakhan")]
    [InlineData("Zhukov", "Жаров")]
    public void NET06_an_unrelated_name_is_not_found(string stored, string query) =>
        Assert.False(Finds(stored, query), $"«{query}» does not find «{stored}»");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("!!! — «»")]
    public void NET06_text_without_letters_or_digits_has_no_skeleton(string? text)
    {
        Assert.Equal("", NameSkeleton.Key(text));
        Assert.Empty(NameSkeleton.QueryKeys(text));
    }

    /// <summary>As the directory matches: one of the query's keys inside the stored key.</summary>
    private static bool Finds(string stored, string query)
    {
        var key = NameSkeleton.Key(stored);
        return NameSkeleton.QueryKeys(query).Any(k => key.Contains(k, StringComparison.Ordinal));
    }
}

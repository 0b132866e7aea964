using System.Globalization;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Shared;

/// <summary>The one reader of typed amounts: money in exact minor units, a clear refusal instead of a stand-in value.</summary>
public sealed class AmountsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    [Theory]
    [InlineData("1 234,56", 123_456)]
    [InlineData("1\u00a0234,56", 123_456)]
    [InlineData("1\u202f234,56", 123_456)]
    [InlineData("1,234.56", 123_456)]
    [InlineData("1.234,56", 123_456)]
    [InlineData("1,234,567", 123_456_700)]
    [InlineData("120,50", 12_050)]
    [InlineData("120.5", 12_050)]
    [InlineData(" 1500 ", 150_000)]
    [InlineData("1.500", 150)]
    [InlineData("0,01", 1)]
    [InlineData("-15.5", -1_550)]
    [InlineData("\u221215,5", -1_550)]
    [InlineData("+3", 300)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void Money_is_read_as_people_type_it_in_either_language(string text, long minor)
    {
        Assert.Equal(minor, Amounts.Money(text, English).Value);
        Assert.Equal(minor, Amounts.Money(text, Russian).Value);
    }

    [Fact]
    public void A_single_comma_before_three_digits_groups_thousands_only_where_the_culture_groups_with_a_comma()
    {
        Assert.Equal(123_400, Amounts.Money("1,234", English).Value);
        Assert.Equal(123_400, Amounts.Money("1,234", CultureInfo.InvariantCulture).Value);
        // To a Russian reader the comma is the decimal mark: 1.234 has too many decimals for money.
        Assert.Equal(ParseProblem.TooManyDecimals, Amounts.Money("1,234", Russian).Problem);
        Assert.Equal(1.234m, Amounts.Number("1,234", Russian).Value);
        Assert.Equal(1.234m, Amounts.Number("1.234", English).Value);
        Assert.Equal(1234.567m, Amounts.Number("1234,567", English).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0")]
    public void Nothing_typed_is_blank_not_a_refusal(string? text)
    {
        var parsed = Amounts.Money(text, English);
        Assert.True(parsed.IsBlank);
        Assert.Null(parsed.Value);
        Assert.Null(parsed.Problem);
    }

    [Theory]
    [InlineData("1.005", ParseProblem.TooManyDecimals)]
    [InlineData("0,001", ParseProblem.TooManyDecimals)]
    [InlineData("abc", ParseProblem.NotANumber)]
    [InlineData("12a", ParseProblem.NotANumber)]
    [InlineData("1e3", ParseProblem.NotANumber)]
    [InlineData("-", ParseProblem.NotANumber)]
    [InlineData("--5", ParseProblem.NotANumber)]
    [InlineData("5-", ParseProblem.NotANumber)]
    [InlineData(",5", ParseProblem.NotANumber)]
    [InlineData("5,", ParseProblem.NotANumber)]
    [InlineData("1..2", ParseProblem.NotANumber)]
    [InlineData("1.2.3", ParseProblem.NotANumber)]
    [InlineData("12,34.5", ParseProblem.NotANumber)]
    [InlineData("1,2345.6", ParseProblem.NotANumber)]
    [InlineData("0,123,456", ParseProblem.NotANumber)]
    [InlineData("92233720368547758.08", ParseProblem.TooLarge)]
    [InlineData("99999999999999999999999999999999999", ParseProblem.TooLarge)]
    [InlineData("79228162514264337593543950335", ParseProblem.TooLarge)]
    public void What_is_not_money_is_refused_with_the_reason(string text, ParseProblem problem)
    {
        var parsed = Amounts.Money(text, English);
        Assert.Null(parsed.Value);
        Assert.Equal(problem, parsed.Problem);
    }

    [Fact]
    public void Numbers_other_than_money_keep_their_decimals()
    {
        Assert.Equal(0.0123m, Amounts.Number("0,0123", Russian).Value);
        Assert.Equal(12.5m, Amounts.Number("12.500", Russian).Value);
        Assert.Equal(ParseProblem.TooManyDecimals, Amounts.Number("0.12345", Russian, maxDecimals: 4).Problem);
    }

    [Fact]
    public void A_refusal_lands_on_its_field()
    {
        var errors = new FieldErrors();
        Assert.Null(Amounts.Money("ten", English).Or(errors, "price", "Enter the price as a number, for example 1490.00."));
        Assert.Null(Amounts.Money("1.005", English).Or(errors, "amount"));
        Assert.Null(Amounts.Money("", English).Or(errors, "total"));
        Assert.Equal(150, Amounts.Money("1.5", English).Or(errors, "fee"));
        Assert.True(errors.Has("price"));
        Assert.True(errors.Has("amount"));
        Assert.False(errors.Has("total"));
        Assert.False(errors.Has("fee"));
    }

    [Theory]
    [InlineData("2026-03-15", true)]
    [InlineData(" 2026-03-15 ", true)]
    [InlineData("2026-13-01", false)]
    [InlineData("15.03.2026", false)]
    [InlineData("yesterday", false)]
    public void Days_are_read_as_YYYY_MM_DD(string text, bool read)
    {
        var day = IsoDates.Day(text);
        Assert.Equal(read ? new DateOnly(2026, 3, 15) : null, day.Value);
        Assert.Equal(read ? null : ParseProblem.NotADate, day.Problem);
        Assert.True(IsoDates.Day(" ").IsBlank);
        Assert.Equal(new DateOnly(2026, 3, 1), IsoDates.Month("2026-03").Value);
    }
}

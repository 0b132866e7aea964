using System.Text;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Billing;

/// <summary>BIL-03 (b): how a CSV statement is read — separators, quoting, line numbers and the errors of broken lines.</summary>
public sealed class BankStatementParserTests
{
    private static ParsedStatement Parse(string text, string? settlementAccount = null) =>
        BankStatementParser.Parse(Encoding.UTF8.GetBytes(text), "RUB", settlementAccount);

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    [Fact]
    public void BIL03_csv_records_keep_the_line_they_start_on_across_quoted_line_breaks_and_blank_lines()
    {
        var parsed = Parse(Lines(
            "Дата;Номер;Сумма;Плательщик;Назначение платежа",
            "2026-03-02;1;100.00;\"ООО \"\"Лес\"\"\";\"Пополнение счёта 123456782,",
            "вторая строка назначения\"",
            "",
            "02.03.2026;2;\"1 500,50\";ИП Смирнов;Оплата",
            ";;;;",
            "2026-03-03;3;7;;\"a;b\""));
        Assert.Equal(BankStatementParser.CsvFormat, parsed.Format);
        Assert.Empty(parsed.Errors);
        Assert.Equal([2, 5, 7], parsed.Documents.Select(d => d.Line));
        var first = parsed.Documents[0];
        Assert.Equal("ООО \"Лес\"", first.PayerName);
        Assert.Equal("Пополнение счёта 123456782,\r\nвторая строка назначения", first.Purpose);
        Assert.Equal((new DateOnly(2026, 3, 2), 150_050L, "RUB"), (parsed.Documents[1].Date, parsed.Documents[1].Amount, parsed.Documents[1].Currency));
        Assert.Equal("a;b", parsed.Documents[2].Purpose);
    }

    [Fact]
    public void BIL03_the_header_row_chooses_the_separator_even_after_blank_lines()
    {
        var parsed = Parse(Lines("", " ", "date;number;amount;purpose", "2026-03-02;1;1;a, b"));
        Assert.Empty(parsed.Errors);
        Assert.Equal((4, "a, b"), (Assert.Single(parsed.Documents).Line, parsed.Documents[0].Purpose));
    }

    [Fact]
    public void BIL03_commas_separate_when_the_header_has_no_semicolon_and_line_feeds_alone_end_lines()
    {
        var parsed = Parse("number,date,amount,purpose,currency\n7,2026-03-02,\"2 000,25\",\"a, b\",eur\n8,2026-03-02,5, padded ,\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal([(2, "7", 200_025L, "a, b", "EUR"), (3, "8", 500L, "padded", "RUB")],
            parsed.Documents.Select(d => (d.Line, d.Number, d.Amount, d.Purpose, d.Currency)));
    }

    [Fact]
    public void BIL03_quotes_out_of_place_are_read_as_text()
    {
        var parsed = Parse(Lines("date;number;amount;purpose", "2026-03-02;1;1;say \"hi\" twice", "2026-03-02;2;1;\"ab\"cd"));
        Assert.Equal(["say \"hi\" twice", "abcd"], parsed.Documents.Select(d => d.Purpose));
    }

    [Fact]
    public void BIL03_a_line_with_too_few_or_too_many_fields_is_reported_and_empty_extra_fields_are_not()
    {
        var parsed = Parse(Lines(
            "date;number;amount;purpose",
            "2026-03-02;1;1",
            "2026-03-02;2;1;ok;extra",
            "2026-03-02;3;1;ok;;",
            "2026-03-02;4;1;ok"));
        Assert.Equal([(2, BankStatementParser.FieldCount), (3, BankStatementParser.FieldCount)], parsed.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(["3", "4"], parsed.Documents.Select(d => d.Number));
    }

    [Fact]
    public void BIL03_each_broken_value_is_reported_on_its_line_in_line_order()
    {
        var parsed = Parse(Lines(
            "date;number;amount;purpose;currency",
            "2026-02-31;1;1;p;",
            "2026-03-02;;1;p;",
            "2026-03-02;3;1.234;p;",
            "2026-03-02;4;0;p;",
            "2026-03-02;5;1;p;RUBLE",
            "2026-03-02;6;1;" + new string('x', BankPayment.PurposeLength + 1) + ";",
            "2026-03-02;7;1;p;"));
        Assert.Equal(
            [(2, BankStatementParser.BadDate), (3, BankStatementParser.MissingNumber), (4, BankStatementParser.BadAmount),
             (5, BankStatementParser.NotPositive), (6, BankStatementParser.BadCurrency), (7, BankStatementParser.TooLong)],
            parsed.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(8, Assert.Single(parsed.Documents).Line);
    }

    [Fact]
    public void BIL03_a_quote_never_closed_is_reported_on_the_line_it_opens_and_the_lines_before_are_read()
    {
        var parsed = Parse(Lines("date;number;amount;purpose", "2026-03-02;1;1;ok", "", "2026-03-02;2;1;\"never closed", "2026-03-02;3;1;ok"));
        Assert.Equal([(4, BankStatementParser.UnclosedQuote)], parsed.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(["1"], parsed.Documents.Select(d => d.Number));
    }

    [Fact]
    public void BIL03_payments_to_another_account_are_counted_as_not_incoming()
    {
        var parsed = Parse(Lines("date;number;amount;purpose;recipient_account", "2026-03-02;1;1;p;40702810000000000000", "2026-03-02;2;1;p;40702810000000000099", "2026-03-02;3;1;p;"),
            settlementAccount: "40702810000000000000");
        Assert.Equal(["1", "3"], parsed.Documents.Select(d => d.Number));
        Assert.Equal(1, parsed.NotIncoming);
    }

    [Fact]
    public void BIL03_a_windows_1251_statement_is_read_with_its_cyrillic_intact()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(Lines("дата;номер;сумма;назначение", "2026-03-02;1;1;Пополнение счёта"));
        var parsed = BankStatementParser.Parse(bytes, "RUB", null);
        Assert.Equal("Пополнение счёта", Assert.Single(parsed.Documents).Purpose);
    }

    [Theory]
    [InlineData("", BankStatementParser.NotAStatement)]
    [InlineData("\r\n\r\n", BankStatementParser.NotAStatement)]
    [InlineData("hello;world\r\n1;2\r\n", BankStatementParser.MissingColumns)]
    [InlineData("date;number;amount\r\n2026-03-02;1;1\r\n", BankStatementParser.MissingColumns)]
    public void BIL03_a_file_without_the_required_columns_is_refused_naming_the_file(string text, string message)
    {
        var e = Assert.Throws<DomainException>(() => Parse(text));
        Assert.Equal(message, Assert.Single(e.Errors["file"]));
    }
}

using System.Text.RegularExpressions;
using CsvHelper;

namespace Tradehall.Core.Billing.BankStatements;

/// <summary>One incoming payment read from a statement; <see cref="Line"/> is where its record or section starts.</summary>
[ModuleApi]
public sealed record BankDocument(int Line, string Number, DateOnly Date, long Amount, string Currency,
    string PayerName, string PayerInn, string PayerAccount, string Purpose);

/// <summary>A line or section that could not be read, and why (an English text the pages translate).</summary>
public sealed record StatementError(int Line, string Message);

/// <summary>What a statement file holds: its format, the incoming payments, the broken parts, and how many documents were not to the operator.</summary>
public sealed record ParsedStatement(string Format, IReadOnlyList<BankDocument> Documents, IReadOnlyList<StatementError> Errors, int NotIncoming);

/// <summary>
/// BIL-03 (b): reads the two statement formats banks hand out — a CSV file with a header row
/// (docs/bank-statements.md) and the 1C "ClientBankExchange" text format. A broken record is reported
/// with its line number and skipped; the rest is read.
/// </summary>
public static partial class BankStatementParser
{
    public const string CsvFormat = "csv";
    public const string OneCFormat = "1c";
    private const string OneCHeader = "1CClientBankExchange";

    /// <summary>ClientBankExchange carries payments of ruble accounts only.</summary>
    private const string OneCCurrency = "RUB";

    public const string NotAStatement = "The file is neither a CSV statement with a header row nor a 1C ClientBankExchange file.";
    public const string MissingColumns = "The header row must name the columns date, number, amount and purpose.";
    public const string BadDate = "The date is not valid; use YYYY-MM-DD or DD.MM.YYYY.";
    public const string BadAmount = "The amount is not a number with at most two decimals.";
    public const string NotPositive = "The amount must be greater than zero.";
    public const string MissingNumber = "The document number is missing.";
    public const string TooLong = "A field is longer than allowed.";
    public const string BadCurrency = "The currency is not a three-letter code.";
    public const string FieldCount = "The line has a different number of fields than the header.";
    public const string UnclosedQuote = "A quoted field is not closed.";
    public const string UnclosedSection = "The document section does not end with КонецДокумента.";
    public const string NotKeyValue = "A line of the document section is not Key=Value.";

    private static readonly string[] RequiredColumns = ["date", "number", "amount", "purpose"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy"];

    private static readonly Dictionary<string, string> CsvColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = "date", ["дата"] = "date",
        ["number"] = "number", ["document"] = "number", ["номер"] = "number",
        ["amount"] = "amount", ["сумма"] = "amount",
        ["payer_name"] = "payer_name", ["payer"] = "payer_name", ["плательщик"] = "payer_name",
        ["payer_inn"] = "payer_inn", ["инн плательщика"] = "payer_inn",
        ["payer_account"] = "payer_account", ["счет плательщика"] = "payer_account", ["счёт плательщика"] = "payer_account",
        ["purpose"] = "purpose", ["назначение платежа"] = "purpose", ["назначение"] = "purpose",
        ["currency"] = "currency", ["валюта"] = "currency",
        ["recipient_account"] = "recipient_account", ["счет получателя"] = "recipient_account", ["счёт получателя"] = "recipient_account",
    };

    /// <summary>Reads <paramref name="content"/>; refuses a file that is no statement at all (naming the field <c>file</c>).</summary>
    /// <param name="operatorCurrency">The currency of CSV lines that do not name one.</param>
    /// <param name="settlementAccount">When set, only documents paid to this account are incoming.</param>
    public static ParsedStatement Parse(byte[] content, string operatorCurrency, string? settlementAccount)
    {
        var text = Decode(content);
        var lines = LineBreak().Split(text);
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (first is null)
        {
            throw Unreadable(NotAStatement);
        }
        if (first == OneCHeader)
        {
            // The header may declare DOS (code page 866) rather than Windows (1251).
            if (!IsUtf8(content) && lines.Any(l => l.Trim() == "Кодировка=DOS"))
            {
                lines = LineBreak().Split(CodePagesEncodingProvider.Instance.GetEncoding(866)!.GetString(content));
            }
            return ParseOneC(lines, settlementAccount);
        }
        return ParseCsv(text, first, operatorCurrency, settlementAccount);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without a BOM), otherwise windows-1251, which 1C and most Russian banks write.</summary>
    public static string Decode(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[Encoding.UTF8.Preamble.Length..]);
        }
        return IsUtf8(content)
            ? Encoding.UTF8.GetString(content)
            : CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetString(content);
    }

    private static bool IsUtf8(byte[] content) => System.Text.Unicode.Utf8.IsValid(content);

    private static ParsedStatement ParseOneC(string[] lines, string? settlementAccount)
    {
        var documents = new List<BankDocument>();
        var errors = new List<StatementError>();
        var notIncoming = 0;
        Dictionary<string, string>? section = null;
        var start = 0;
        StatementError? broken = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.StartsWith("СекцияДокумент", StringComparison.Ordinal))
            {
                if (section is not null)
                {
                    errors.Add(broken ?? new StatementError(start, UnclosedSection));
                }
                section = new Dictionary<string, string>(StringComparer.Ordinal);
                start = number;
                broken = null;
            }
            else if (line == "КонецФайла" && section is not null)
            {
                errors.Add(broken ?? new StatementError(start, UnclosedSection));
                section = null;
            }
            else if (line == "КонецДокумента" && section is not null)
            {
                if (broken is not null)
                {
                    errors.Add(broken);
                }
                else if (settlementAccount is not null && section.GetValueOrDefault("ПолучательСчет") != settlementAccount)
                {
                    notIncoming++;
                }
                else
                {
                    Add(documents, errors, start, Value(section, "Номер"), Value(section, "Дата"), Value(section, "Сумма"), OneCCurrency,
                        OneCPayerName(section), Value(section, "ПлательщикИНН"),
                        Value(section, "ПлательщикСчет") is { Length: > 0 } account ? account : Value(section, "ПлательщикРасчСчет"),
                        OneCPurpose(section));
                }
                section = null;
            }
            else if (section is not null && line.Length > 0 && broken is null)
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    broken = new StatementError(number, NotKeyValue);
                }
                else
                {
                    section[line[..eq].Trim()] = line[(eq + 1)..].Trim();
                }
            }
        }
        if (section is not null)
        {
            errors.Add(broken ?? new StatementError(start, UnclosedSection));
        }
        return new ParsedStatement(OneCFormat, documents, errors, notIncoming);
    }

    private static DomainException Unreadable(string message) => DomainException.Field("billing.statement_unreadable", "file", message);

    private static string Value(Dictionary<string, string> section, string key) => section.GetValueOrDefault(key) ?? "";

    /// <summary>Плательщик1 is the bare name; Плательщик often starts with "ИНН 7701234567".</summary>
    private static string OneCPayerName(Dictionary<string, string> section) =>
        Value(section, "Плательщик1") is { Length: > 0 } name ? name : InnPrefix().Replace(Value(section, "Плательщик"), "");

    /// <summary>Some banks split a long purpose over НазначениеПлатежа1, 2, ...</summary>
    private static string OneCPurpose(Dictionary<string, string> section) =>
        Value(section, "НазначениеПлатежа") is { Length: > 0 } purpose
            ? purpose
            : string.Join(" ", Enumerable.Range(1, 6).Select(n => Value(section, "НазначениеПлатежа" + n.ToString(CultureInfo.InvariantCulture))).Where(p => p.Length > 0));

    private static ParsedStatement ParseCsv(string text, string headerLine, string operatorCurrency, string? settlementAccount)
    {
        var documents = new List<BankDocument>();
        var errors = new List<StatementError>();
        var notIncoming = 0;
        var records = ReadCsv(text, headerLine, errors);
        if (records.Count == 0)
        {
            throw Unreadable(NotAStatement);
        }
        var header = records[0].Fields;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            if (CsvColumns.TryGetValue(header[c].Trim(), out var name))
            {
                columns.TryAdd(name, c);
            }
        }
        if (!RequiredColumns.All(columns.ContainsKey))
        {
            throw Unreadable(MissingColumns);
        }
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count < header.Count || fields.Skip(header.Count).Any(f => f.Trim().Length > 0))
            {
                errors.Add(new StatementError(line, FieldCount));
                continue;
            }
            string Field(string name) => columns.TryGetValue(name, out var c) ? fields[c].Trim() : "";
            if (settlementAccount is not null && Field("recipient_account") is { Length: > 0 } recipient && recipient != settlementAccount)
            {
                notIncoming++;
                continue;
            }
            var currency = Field("currency") is { Length: > 0 } given ? given.ToUpperInvariant() : operatorCurrency;
            Add(documents, errors, line, Field("number"), Field("date"), Field("amount"), currency,
                Field("payer_name"), Field("payer_inn"), Field("payer_account"), Field("purpose"));
        }
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ParsedStatement(CsvFormat, documents, errors, notIncoming);
    }

    /// <summary>
    /// The RFC 4180 records of the file, read by CsvHelper, with the line each starts on; <paramref name="headerLine"/> chooses
    /// the separator (';' when it holds one, else ','). Records of blank fields are skipped.
    /// </summary>
    private static List<(int Line, List<string> Fields)> ReadCsv(string text, string headerLine, List<StatementError> errors)
    {
        var unclosed = 0L;
        var options = CsvReaderOptions.Default with
        {
            Separator = headerLine.Contains(';', StringComparison.Ordinal) ? ';' : ',',
            HasHeader = false,
            TrackLineNumbers = true,
            // A quote never closed runs to the end of the file: that record is reported rather than read.
            OnMalformedRecord = m => unclosed = m.Reason == CsvMalformedReason.UnterminatedQuote ? m.LineNumber : unclosed,
        };
        var records = new List<(int, List<string>)>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var line = checked((int)reader.LineNumber);
            if (line == unclosed)
            {
                errors.Add(new StatementError(line, UnclosedQuote));
                continue;
            }
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "").ToList();
            if (fields.Any(f => f.Trim().Length > 0))
            {
                records.Add((line, fields));
            }
        }
        return records;
    }

    private static void Add(List<BankDocument> documents, List<StatementError> errors, int line, string number, string date, string amount,
        string currency, string payerName, string payerInn, string payerAccount, string purpose)
    {
        var error = number.Length == 0 ? MissingNumber
            : number.Length > BankPayment.NumberLength || payerName.Length > BankPayment.PayerNameLength || payerInn.Length > BankPayment.PayerInnLength
              || payerAccount.Length > BankPayment.PayerAccountLength || purpose.Length > BankPayment.PurposeLength ? TooLong
            : ParseDate(date) is null ? BadDate
            : ParseAmount(amount) is not { } minor ? BadAmount
            : minor <= 0 ? NotPositive
            : !CurrencyCode().IsMatch(currency) ? BadCurrency
            : null;
        if (error is not null)
        {
            errors.Add(new StatementError(line, error));
            return;
        }
        documents.Add(new BankDocument(line, number, ParseDate(date)!.Value, ParseAmount(amount)!.Value, currency, payerName, payerInn, payerAccount, purpose));
    }

    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>"1 500,50", "1500.50", "1500": exact minor units through decimal arithmetic, with no binary rounding.</summary>
    public static long? ParseAmount(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (!AmountPattern().IsMatch(compact))
        {
            return null;
        }
        // The pattern admits one decimal mark before at most two digits, which the shared reader takes as such in any culture.
        return Amounts.Money(compact, CultureInfo.InvariantCulture).Value;
    }

    [GeneratedRegex(@"\r\n|\n|\r")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^ИНН\s*\d+\s*")]
    private static partial Regex InnPrefix();

    [GeneratedRegex(@"^-?\d{1,15}([.,]\d{1,2})?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}

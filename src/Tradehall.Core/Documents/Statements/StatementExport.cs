using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Documents.Statements;

public sealed record StatementFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// BIL-21: a member's statement of their own account as a file — CSV for spreadsheets and accounting software,
/// PDF to print or forward. Days are those of the operator's time zone. The PDF speaks the language the request chose
/// (RUN-07), else the member's own.
/// </summary>
public sealed class StatementExport(Billing.Ledger.Statements statements, AppDbContext db, TimeProvider time, IOptions<DocumentsOptions> documents,
    IOptions<TradehallOptions> site, IStringLocalizer<SharedResource> text)
{
    public const string Csv = "csv";
    public const string Pdf = "pdf";

    /// <summary>The query as typed: days as <c>YYYY-MM-DD</c>, the format <c>csv</c> (the default) or <c>pdf</c>.</summary>
    public async Task<StatementFile> ExportAsync(Guid memberId, string? from, string? to, string? format, bool languageChosen, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var start = ParseDay(from, "from", errors);
        var end = ParseDay(to, "to", errors);
        var kind = string.IsNullOrEmpty(format) ? Csv : format.Trim().ToLowerInvariant();
        if (kind is not (Csv or Pdf))
        {
            errors.Add("format", "The format must be csv or pdf.");
        }
        errors.ThrowIfAny();
        // A language the request chose wins; otherwise the member's own. Lines are read in it too.
        var language = languageChosen
            ? CultureInfo.CurrentUICulture.Name
            : await new MemberLookup(db).Rows.Where(m => m.Id == memberId).Select(m => m.Culture).FirstOrDefaultAsync(cancellationToken) ?? CultureInfo.CurrentUICulture.Name;
        using var _ = CultureScope.Use(language);
        var statement = await statements.PeriodAsync(memberId, start!.Value, end!.Value, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"statement-{statement.AccountNumber}-{statement.From:yyyy-MM-dd}-{statement.To:yyyy-MM-dd}.{kind}");
        if (kind == Csv)
        {
            return new StatementFile(StatementCsv.Render(statement, site.Value.Zone), "text/csv; charset=utf-8", name);
        }
        var pdf = StatementPdf.Render(statement, new StatementPdf.Context(documents.Value, site.Value.Zone,
            ZoneNames.Display(site.Value.Zone, text, time.GetUtcNow()), time.UtcNow(), CultureInfo.CurrentCulture, text));
        return new StatementFile(pdf, "application/pdf", name);
    }

    /// <summary>A day as <c>YYYY-MM-DD</c> (the form of date inputs and of the API), or an error on <paramref name="field"/>.</summary>
    public static DateOnly? ParseDay(string? value, string field, FieldErrors errors)
    {
        var day = IsoDates.Day(value);
        if (day.IsBlank)
        {
            errors.Add(field, "Enter a date.");
        }
        return day.Or(errors, field);
    }
}

/// <summary>BIL-21: the statement as CSV — UTF-8 with a byte-order mark (so spreadsheets detect it), invariant numbers, local times.</summary>
public static class StatementCsv
{
    public static byte[] Render(StatementPeriod statement, TimeZoneInfo zone)
    {
        var csv = new StringBuilder();
        Row(csv, "date", "kind", "description", "amount", "balanceAfter");
        var first = Day(statement.From);
        var last = Day(statement.To);
        Row(csv, first, "opening", "Opening balance", "", Number(statement.OpeningBalance));
        foreach (var line in statement.Lines)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(line.At, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Row(csv, local, Cell(line.Kind), Cell(line.Description), Number(line.Amount), Number(line.BalanceAfter));
        }
        Row(csv, last, "totalIn", "Total in", Number(statement.TotalIn), "");
        Row(csv, last, "totalOut", "Total out", Number(-statement.TotalOut), "");
        Row(csv, last, "closing", "Closing balance", "", Number(statement.ClosingBalance));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// Text from the ledger, made inert for spreadsheets (CSV injection): a cell that would start a formula gets a
    /// leading apostrophe, and every text cell is quoted so commas, quotes and line breaks stay inside it.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '|' or '%')
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Number(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] cells) => csv.Append(string.Join(',', cells)).Append("\r\n");
}

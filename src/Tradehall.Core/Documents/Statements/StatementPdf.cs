using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tradehall.Core.Billing.Ledger;

namespace Tradehall.Core.Documents.Statements;

/// <summary>BIL-21, DOC-02: the statement of a personal account as an A4 PDF in the reader's language, as many pages as its lines need.</summary>
public static class StatementPdf
{
    public sealed record Context(DocumentsOptions Operator, TimeZoneInfo Zone, string ZoneName, DateTime IssuedUtc, CultureInfo Culture, IStringLocalizer Text);

    private const double Left = PdfLayout.Left;
    private const double Width = PdfLayout.Width;
    private const double FooterSpace = 24;

    // Date, kind, description, amount, balance after: the columns' left edges and the right margin.
    private static readonly double[] Columns = [Left, Left + 70, Left + 145, Left + 335, Left + 415, Left + Width];

    public static byte[] Render(StatementPeriod statement, Context c)
    {
        var text = c.Text;
        var title = text["Statement of personal account {0}", statement.AccountNumber];
        using var document = PdfLayout.NewDocument(title, c.Operator.LegalName, Period(statement, c));
        var normal = PdfLayout.Font(9);
        var small = PdfLayout.Font(8);
        var bold = PdfLayout.Font(9, bold: true);
        var pen = new XPen(XColors.Black, 0.6);
        var shade = new XSolidBrush(XColor.FromArgb(235, 235, 235));

        var page = PdfLayout.AddPage(document);
        var g = XGraphics.FromPdfPage(page);
        try
        {
            var y = PdfLayout.Top;
            g.DrawString(title, PdfLayout.Font(14, bold: true), XBrushes.Black, Left, y + 10);
            y += 24;
            g.DrawString(Period(statement, c), bold, XBrushes.Black, Left, y + 9);
            y += 14;
            g.DrawString(text["Times are in the time zone {0}. Issued {1}.", c.ZoneName, Local(c.IssuedUtc, c).ToString("g", c.Culture)],
                small, XBrushes.Black, Left, y + 8);
            y += 18;

            var op = c.Operator;
            var operatorText = text["Operator: {0}, INN {1}, KPP {2}, OGRN {3}, {4}", op.LegalName, op.Inn, op.Kpp, op.Ogrn, op.Address].Value;
            var height = PdfLayout.WrappedHeight(g, operatorText, normal, Width);
            PdfLayout.Text(g, operatorText, normal, Left, y, Width, height);
            y += height + 4;
            g.DrawString(text["Personal account {0}, currency {1}", statement.AccountNumber, statement.Currency], bold, XBrushes.Black, Left, y + 9);
            y += 16;
            g.DrawLine(new XPen(XColors.Black, 1.2), Left, y, Left + Width, y);
            y += 8;

            y = LabelledLine(g, text["Opening balance"], Amount(statement.OpeningBalance, statement, c), normal, y);
            y = LabelledLine(g, text["Total in"], Amount(statement.TotalIn, statement, c), normal, y);
            y = LabelledLine(g, text["Total out"], Amount(-statement.TotalOut, statement, c), normal, y);
            y = LabelledLine(g, text["Closing balance"], Amount(statement.ClosingBalance, statement, c), bold, y);
            y += 10;

            string[] heads = [text["Date"], text["Kind"], text["Description"], text["Amount"], text["Balance after"]];
            y = Head(g, heads, small, pen, shade, y);
            if (statement.Lines.Count == 0)
            {
                g.DrawString(text["No payments or charges in this period."], normal, XBrushes.Black, Left + 4, y + 12);
            }
            foreach (var line in statement.Lines)
            {
                var description = line.Description;
                // Date over time, so the column never runs into the next; every cell wraps within its column.
                var local = Local(line.At, c);
                var when = local.ToString("d", c.Culture) + "\n" + local.ToString("t", c.Culture);
                var kind = KindName(line.Kind, text);
                var rowHeight = 4 + new[] { (when, 0), (kind, 1), (description, 2) }.Max(cell => PdfLayout.WrappedHeight(g, cell.Item1, normal, CellWidth(cell.Item2)));
                if (y + rowHeight > PdfLayout.Bottom - FooterSpace)
                {
                    g.Dispose();
                    page = PdfLayout.AddPage(document);
                    g = XGraphics.FromPdfPage(page);
                    y = Head(g, heads, small, pen, shade, PdfLayout.Top);
                }
                PdfLayout.Text(g, when, normal, Columns[0] + 2, y + 2, CellWidth(0), rowHeight - 2);
                PdfLayout.Text(g, kind, normal, Columns[1] + 2, y + 2, CellWidth(1), rowHeight - 2);
                PdfLayout.Text(g, description, normal, Columns[2] + 2, y + 2, CellWidth(2), rowHeight - 2);
                Right(g, line.Amount.ToString("N2", c.Culture), normal, 3, y);
                Right(g, line.BalanceAfter.ToString("N2", c.Culture), normal, 4, y);
                y += rowHeight;
                g.DrawLine(new XPen(XColors.Gray, 0.3), Left, y, Left + Width, y);
            }
        }
        finally
        {
            g.Dispose();
        }
        Footers(document, statement, c, small);
        return PdfLayout.Save(document);
    }

    /// <summary>Built-in kinds in words; a kind added later shows its code rather than nothing.</summary>
    public static string KindName(string kind, IStringLocalizer text) => kind switch
    {
        _ when kind.StartsWith("topup", StringComparison.Ordinal) => text["Top-up"],
        "charge" => text["Charge"],
        "refund" => text["Refund"],
        _ => kind,
    };

    private static string Period(StatementPeriod s, Context c)
    {
        var text = c.Text;
        return text["Period: {0} — {1}", s.From.ToString("d", c.Culture), s.To.ToString("d", c.Culture)];
    }

    private static string Amount(decimal amount, StatementPeriod s, Context c) => amount.ToString("N2", c.Culture) + " " + s.Currency;

    private static DateTime Local(DateTime utc, Context c) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), c.Zone);

    private static double LabelledLine(XGraphics g, string label, string value, XFont font, double y)
    {
        g.DrawString(label, font, XBrushes.Black, Left, y + 10);
        g.DrawString(value, font, XBrushes.Black, new XRect(Left + 200, y, 150, 14), XStringFormats.CenterRight);
        return y + 15;
    }

    private static double Head(XGraphics g, string[] heads, XFont font, XPen pen, XBrush shade, double y)
    {
        const double height = 18;
        g.DrawRectangle(shade, Left, y, Width, height);
        g.DrawRectangle(pen, Left, y, Width, height);
        for (var i = 0; i < heads.Length; i++)
        {
            var box = new XRect(Columns[i] + 2, y, Columns[i + 1] - Columns[i] - 6, height);
            g.DrawString(heads[i], font, XBrushes.Black, box, i >= 3 ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
        }
        return y + height;
    }

    private static double CellWidth(int column) => Columns[column + 1] - Columns[column] - 8;

    private static void Right(XGraphics g, string value, XFont font, int column, double y) =>
        g.DrawString(value, font, XBrushes.Black, new XRect(Columns[column], y, Columns[column + 1] - Columns[column] - 4, 16), XStringFormats.CenterRight);

    /// <summary>Page numbers need the page count, so they are drawn once every page exists.</summary>
    private static void Footers(PdfDocument document, StatementPeriod statement, Context c, XFont font)
    {
        var text = c.Text;
        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var footer = text["Personal account {0}. Page {1} of {2}.", statement.AccountNumber, i + 1, document.PageCount];
            g.DrawString(footer, font, XBrushes.Black, new XRect(Left, PdfLayout.Bottom - 10, Width, 12), XStringFormats.CenterRight);
        }
    }
}

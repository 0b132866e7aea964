using PdfSharp.Drawing;
using Tradehall.Core.Documents.Invoices;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Documents.Certificates;

/// <summary>One service line of a certificate: the day it was charged, its text in both languages and the amount.</summary>
public sealed record CertificateLine(DateOnly On, string Russian, string English, long Amount);

/// <summary>
/// DOC-01, DOC-02: an A4 acceptance certificate laid out like a Russian «Акт об оказании услуг», in Russian and English,
/// in the invoice's style; long lists continue on further pages with the table's head repeated.
/// </summary>
public static class CertificatePdf
{
    private const double Left = PdfLayout.Left;
    private const double Width = PdfLayout.Width;
    private static readonly double[] Cols = [Left, Left + 25, Left + 340, Left + 415, Left + Width];

    public static byte[] Render(Certificate certificate, InvoicePayer customer, IReadOnlyList<CertificateLine> lines, DocumentsOptions op)
    {
        var subject = $"{Day(certificate.PeriodFrom)} – {Day(certificate.PeriodTo)}";
        using var document = PdfLayout.NewDocument($"Акт / Acceptance certificate {certificate.Number}", op.LegalName, subject);
        var g = XGraphics.FromPdfPage(PdfLayout.AddPage(document));
        try
        {
            var y = Head(g, certificate, customer, op);
            y = TableHead(g, y);
            var normal = PdfLayout.Font(9);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var text = line.Russian == line.English ? line.Russian : line.Russian + "\n" + line.English;
                var height = Math.Max(18, PdfLayout.WrappedHeight(g, text, normal, Cols[2] - Cols[1] - 8) + 4);
                if (y + height > PdfLayout.Bottom - 40)
                {
                    g.Dispose();
                    g = XGraphics.FromPdfPage(PdfLayout.AddPage(document));
                    y = TableHead(g, PdfLayout.Top);
                }
                Row(g, y, height, [(i + 1).ToString(CultureInfo.InvariantCulture), text, Day(line.On), InvoicePdf.FormatAmount(line.Amount)], normal);
                y += height;
            }
            if (y + 190 > PdfLayout.Bottom)
            {
                g.Dispose();
                g = XGraphics.FromPdfPage(PdfLayout.AddPage(document));
                y = PdfLayout.Top;
            }
            Foot(g, certificate, lines.Count, y + 14, op);
        }
        finally
        {
            g.Dispose();
        }
        return PdfLayout.Save(document);
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static double Head(XGraphics g, Certificate c, InvoicePayer customer, DocumentsOptions op)
    {
        var small = PdfLayout.Font(8);
        var normal = PdfLayout.Font(9.5);
        var bold = PdfLayout.Font(9.5, bold: true);
        var issued = Day(c.PublishedOn);
        var y = PdfLayout.Top + 10;
        g.DrawString($"Акт об оказании услуг № {c.Number} от {issued}", PdfLayout.Font(14, bold: true), XBrushes.Black, Left, y);
        y += 17;
        g.DrawString($"Acceptance certificate No. {c.Number} of {issued}", bold, XBrushes.Black, Left, y);
        y += 15;
        g.DrawString($"Отчётный период / Reporting period: {Day(c.PeriodFrom)} – {Day(c.PeriodTo)}", normal, XBrushes.Black, Left, y);
        y += 8;
        g.DrawLine(new XPen(XColors.Black, 1.5), Left, y, Left + Width, y);
        y += 10;
        y = InvoicePdf.Parties(g, ("Исполнитель / Contractor:", "Заказчик / Customer:"), op, customer.Name, customer, c.AccountNumber, small, normal, y);
        return y + 8;
    }

    private static double TableHead(XGraphics g, double y)
    {
        const double height = 18;
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), Left, y, Width, height);
        string[] heads = ["№", "Услуга / Service", "Дата / Date", "Сумма / Amount"];
        var pen = new XPen(XColors.Black, 0.6);
        g.DrawRectangle(pen, Left, y, Width, height);
        for (var i = 0; i < heads.Length; i++)
        {
            if (i > 0)
            {
                g.DrawLine(pen, Cols[i], y, Cols[i], y + height);
            }
            g.DrawString(heads[i], PdfLayout.Font(8), XBrushes.Black, new XRect(Cols[i], y, Cols[i + 1] - Cols[i], height), XStringFormats.Center);
        }
        return y + height;
    }

    /// <summary>One line of the table: its number, the service, the day and the sum, already written out as text.</summary>
    private static void Row(XGraphics g, double y, double height, string[] cells, XFont font)
    {
        var pen = new XPen(XColors.Black, 0.6);
        g.DrawRectangle(pen, Left, y, Width, height);
        for (var i = 1; i < Cols.Length - 1; i++)
        {
            g.DrawLine(pen, Cols[i], y, Cols[i], y + height);
        }
        g.DrawString(cells[0], font, XBrushes.Black, new XRect(Cols[0], y, Cols[1] - Cols[0], height), XStringFormats.Center);
        PdfLayout.Text(g, cells[1], font, Cols[1] + 4, y + 3, Cols[2] - Cols[1] - 8, height - 4);
        g.DrawString(cells[2], font, XBrushes.Black, new XRect(Cols[2], y, Cols[3] - Cols[2], height), XStringFormats.Center);
        g.DrawString(cells[3], font, XBrushes.Black, new XRect(Cols[3], y, Cols[4] - Cols[3] - 4, height), XStringFormats.CenterRight);
    }

    private static void Foot(XGraphics g, Certificate c, int count, double y, DocumentsOptions op)
    {
        var normal = PdfLayout.Font(9.5);
        var bold = PdfLayout.Font(9.5, bold: true);
        var amount = InvoicePdf.FormatAmount(c.Amount);
        y = InvoicePdf.RightAlignedLine(g, "Итого / Total:", $"{amount} {c.Currency}", bold, y);
        y = InvoicePdf.RightAlignedLine(g, "Без НДС / No VAT", "—", bold, y);
        y += 10;
        y = InvoicePdf.InWords(g, $"Всего оказано услуг {count}, на сумму {amount} {c.Currency}. Цены включают налоги, НДС не облагается.",
            $"{count} service line(s), total {amount} {c.Currency}. Prices include taxes; no VAT.", c.Amount, c.Currency, normal, bold, y) + 20;
        var rules = string.Create(CultureInfo.InvariantCulture,
            $"Вышеперечисленные услуги оказаны полностью. Заказчик вправе принять акт или заявить мотивированные возражения в личном кабинете в течение {op.CertificateObjectionDays} дней с даты публикации; "
            + $"если мотивированных возражений нет, акт считается принятым через {op.CertificateAutoAcceptDays} дней после публикации. Документ сформирован электронно и действителен без подписи и печати.\n"
            + $"The services listed were rendered in full. The customer may accept this certificate or object to it with reasons in the personal account within {op.CertificateObjectionDays} days of publication; "
            + $"with no motivated objection it is accepted {op.CertificateAutoAcceptDays} days after publication. This document is issued electronically and is valid without signature or seal.");
        PdfLayout.Text(g, rules, PdfLayout.Font(8), Left, y, Width, PdfLayout.WrappedHeight(g, rules, PdfLayout.Font(8), Width));
    }
}

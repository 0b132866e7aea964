using PdfSharp.Drawing;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Documents.Invoices;

/// <summary>BIL-05, DOC-02: an A4 payment invoice laid out like a Russian "Счёт на оплату", in Russian and English.</summary>
public static class InvoicePdf
{
    private const double Left = PdfLayout.Left;
    private const double Width = PdfLayout.Width;

    private static readonly NumberFormatInfo Amounts = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    /// <summary>An amount as printed on documents: <c>12 345,67</c>.</summary>
    public static string FormatAmount(long minor) => Money.ToAmount(minor).ToString("#,0.00", Amounts);

    /// <summary>What an invoice is for, in Russian and English, followed on the document by the personal account's number.</summary>
    public sealed record Item(string Russian, string English);

    public static readonly Item TopUp = new("Пополнение лицевого счёта", "Top-up of personal account");

    /// <summary>BIL-13: the invoice of a debt made on credit.</summary>
    public static readonly Item Debt = new("Погашение задолженности по лицевому счёту", "Payment of the debt on personal account");

    public static byte[] Render(Invoice invoice, InvoicePayer payer, DateOnly issuedOn, DocumentsOptions op, Item? item = null)
    {
        using var document = PdfLayout.NewDocument($"Счёт на оплату / Invoice {invoice.Number}", op.LegalName, invoice.Purpose);
        using (var g = XGraphics.FromPdfPage(PdfLayout.AddPage(document)))
        {
            Draw(g, invoice, payer, issuedOn, op, item ?? TopUp);
        }
        return PdfLayout.Save(document);
    }

    private static void Draw(XGraphics g, Invoice invoice, InvoicePayer payer, DateOnly issuedOn, DocumentsOptions op, Item item)
    {
        var small = new XFont(PdfFonts.Family, 8);
        var normal = new XFont(PdfFonts.Family, 9.5);
        var bold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        var title = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold);
        var pen = new XPen(XColors.Black, 0.6);
        var amount = FormatAmount(invoice.Amount);
        var day = issuedOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        // The bank block: recipient's bank, BIC and accounts, as a payer's bank expects to copy them.
        var y = 50.0;
        double c1 = Left, c2 = Left + 300, c3 = Left + 355, right = Left + Width;
        var rowBank = 34.0;
        var row = 17.0;
        g.DrawRectangle(pen, c1, y, Width, rowBank + row + row + 34);
        g.DrawLine(pen, c2, y, c2, y + rowBank + row + row + 34);
        g.DrawLine(pen, c3, y, c3, y + rowBank + row + row + 34);
        g.DrawLine(pen, c1, y + rowBank, right, y + rowBank);
        g.DrawLine(pen, c2, y + 17, right, y + 17);
        g.DrawLine(pen, c1, y + rowBank + row, c2, y + rowBank + row);
        g.DrawLine(pen, Left + 150, y + rowBank, Left + 150, y + rowBank + row);
        Text(g, op.BankName, normal, c1 + 4, y + 3, 292, 18);
        g.DrawString("Банк получателя / Recipient's bank", small, XBrushes.Black, c1 + 4, y + rowBank - 4);
        g.DrawString("БИК / BIC", small, XBrushes.Black, c2 + 4, y + 12);
        g.DrawString(op.Bic, normal, XBrushes.Black, c3 + 4, y + 12);
        g.DrawString("Сч. № / Acc.", small, XBrushes.Black, c2 + 4, y + 29);
        g.DrawString(op.CorrespondentAccount, normal, XBrushes.Black, c3 + 4, y + 29);
        g.DrawString($"ИНН / INN {op.Inn}", normal, XBrushes.Black, c1 + 4, y + rowBank + 12);
        g.DrawString($"КПП / KPP {op.Kpp}", normal, XBrushes.Black, Left + 154, y + rowBank + 12);
        g.DrawString("Сч. № / Acc.", small, XBrushes.Black, c2 + 4, y + rowBank + 12);
        g.DrawString(op.SettlementAccount, normal, XBrushes.Black, c3 + 4, y + rowBank + 12);
        Text(g, op.LegalName, normal, c1 + 4, y + rowBank + row + 3, 292, 30);
        g.DrawString("Получатель / Recipient", small, XBrushes.Black, c1 + 4, y + rowBank + row + row + 30);
        y += rowBank + row + row + 34 + 28;

        g.DrawString($"Счёт на оплату № {invoice.Number} от {day}", title, XBrushes.Black, Left, y);
        y += 17;
        g.DrawString($"Invoice No. {invoice.Number} of {day}", bold, XBrushes.Black, Left, y);
        y += 8;
        g.DrawLine(new XPen(XColors.Black, 1.5), Left, y, right, y);
        y += 10;

        y = Parties(g, ("Поставщик / Supplier:", "Покупатель / Payer:"), op, invoice.PayerName, payer, invoice.AccountNumber, small, normal, y);
        y += 8;

        // The one line: the top-up, or the debt.
        double[] cols = [Left, Left + 25, Left + 300, Left + 345, Left + 415, right];
        string[] heads = ["№", "Товары (работы, услуги) / Item", "Кол. / Qty", "Цена / Price", "Сумма / Total"];
        var headHeight = 18.0;
        var lineHeight = 30.0;
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), Left, y, Width, headHeight);
        g.DrawRectangle(pen, Left, y, Width, headHeight + lineHeight);
        g.DrawLine(pen, Left, y + headHeight, right, y + headHeight);
        for (var i = 1; i < cols.Length - 1; i++)
        {
            g.DrawLine(pen, cols[i], y, cols[i], y + headHeight + lineHeight);
        }
        for (var i = 0; i < heads.Length; i++)
        {
            g.DrawString(heads[i], small, XBrushes.Black, new XRect(cols[i], y, cols[i + 1] - cols[i], headHeight), XStringFormats.Center);
        }
        var ly = y + headHeight;
        g.DrawString("1", normal, XBrushes.Black, new XRect(cols[0], ly, cols[1] - cols[0], lineHeight), XStringFormats.Center);
        Text(g, $"{item.Russian} {invoice.AccountNumber}\n{item.English} {invoice.AccountNumber}", normal, cols[1] + 4, ly + 3, cols[2] - cols[1] - 8, lineHeight - 4);
        g.DrawString("1", normal, XBrushes.Black, new XRect(cols[2], ly, cols[3] - cols[2], lineHeight), XStringFormats.Center);
        g.DrawString(amount, normal, XBrushes.Black, new XRect(cols[3], ly, cols[4] - cols[3] - 4, lineHeight), XStringFormats.CenterRight);
        g.DrawString(amount, normal, XBrushes.Black, new XRect(cols[4], ly, cols[5] - cols[4] - 4, lineHeight), XStringFormats.CenterRight);
        y = ly + lineHeight + 14;

        y = RightAlignedLine(g, "Итого / Total:", $"{amount} {invoice.Currency}", bold, y);
        y = RightAlignedLine(g, "Без НДС / No VAT", "—", bold, y);
        y = RightAlignedLine(g, "Всего к оплате / Total due:", $"{amount} {invoice.Currency}", bold, y);
        y += 10;
        y = InWords(g, $"Всего наименований 1, на сумму {amount} {invoice.Currency}. Цены включают налоги, НДС не облагается.",
            $"1 item, total {amount} {invoice.Currency}. Prices include taxes; no VAT.", invoice.Amount, invoice.Currency, normal, bold, y) + 22;

        g.DrawString("Назначение платежа (укажите точно) / Payment purpose (quote exactly):", bold, XBrushes.Black, Left, y);
        y += 6;
        g.DrawRectangle(pen, Left, y, Width, 40);
        Text(g, $"{item.Russian} {invoice.AccountNumber}, счёт {invoice.Number}. Без НДС.\n{invoice.Purpose}", normal, Left + 5, y + 5, Width - 10, 32);
        y += 56;

        var due = invoice.DueOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        g.DrawString($"Оплатить до {due} / Pay by {due}", bold, XBrushes.Black, Left, y);
        y += 14;
        Text(g, "Оплата по счёту пополняет лицевой счёт; услуги оплачиваются с баланса. Документ сформирован электронно и действителен без подписи и печати.\n"
            + "Payment tops up the personal account; services are paid from the balance. This document is issued electronically and is valid without signature or seal.",
            small, Left, y, Width, 60);

    }

    /// <summary>The operator, then the member under their name on the document, with their tax numbers and personal account.</summary>
    internal static double Parties(XGraphics g, (string Operator, string Member) labels, DocumentsOptions op, string memberName, InvoicePayer member,
        string accountNumber, XFont labelFont, XFont font, double y)
    {
        y = Party(g, labels.Operator, $"{op.LegalName}, ИНН / INN {op.Inn}, КПП / KPP {op.Kpp}, ОГРН / OGRN {op.Ogrn}, {op.Address}", labelFont, font, y);
        return Party(g, labels.Member, string.Join(", ", new[]
        {
            memberName,
            member.Inn is null ? null : $"ИНН / INN {member.Inn}",
            member.Kpp is null ? null : $"КПП / KPP {member.Kpp}",
            member.Address,
            $"лицевой счёт / personal account {accountNumber}",
        }.Where(p => !string.IsNullOrWhiteSpace(p))), labelFont, font, y);
    }

    private static double Party(XGraphics g, string label, string text, XFont labelFont, XFont font, double y)
    {
        g.DrawString(label, labelFont, XBrushes.Black, Left, y + 9);
        // The formatter clips what does not fit, so the box is sized for the lines the text needs.
        var height = PdfLayout.WrappedHeight(g, text, font, Width - 110);
        Text(g, text, font, Left + 110, y, Width - 110, height);
        return y + height + 6;
    }

    /// <summary>
    /// The summing-up lines in Russian and English with, between them, the total in Russian words: Russian accounting reads
    /// it too, and it is written for roubles only. Answers the last line's baseline.
    /// </summary>
    internal static double InWords(XGraphics g, string russian, string english, long minor, string currency, XFont normal, XFont bold, double y)
    {
        g.DrawString(russian, normal, XBrushes.Black, Left, y);
        y += 13;
        if (currency == "RUB")
        {
            g.DrawString(AmountInWords.Roubles(minor), bold, XBrushes.Black, Left, y);
            y += 13;
        }
        g.DrawString(english, normal, XBrushes.Black, Left, y);
        return y;
    }

    internal static double RightAlignedLine(XGraphics g, string label, string value, XFont font, double y)
    {
        g.DrawString(label, font, XBrushes.Black, new XRect(Left, y - 10, 390, 14), XStringFormats.CenterRight);
        g.DrawString(value, font, XBrushes.Black, new XRect(Left + 395, y - 10, Width - 395, 14), XStringFormats.CenterRight);
        return y + 15;
    }

    private static void Text(XGraphics g, string text, XFont font, double x, double y, double width, double height) =>
        PdfLayout.Text(g, text, font, x, y, width, height);
}

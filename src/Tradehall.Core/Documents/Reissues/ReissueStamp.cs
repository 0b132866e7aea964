using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;

namespace Tradehall.Core.Documents.Reissues;

/// <summary>DOC-03: a re-issued copy is the document as issued, with a mark in the top margin of every page.</summary>
public static class ReissueStamp
{
    public static byte[] Apply(byte[] original, DateOnly on)
    {
        PdfFonts.EnsureReady();
        using var input = new MemoryStream(original);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var day = on.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var font = PdfLayout.Font(9, bold: true);
        foreach (var page in document.Pages)
        {
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            g.DrawString($"ДУБЛИКАТ от {day} / RE-ISSUED COPY of {day}", font, new XSolidBrush(XColor.FromArgb(180, 0, 0)),
                new XRect(PdfLayout.Left, 18, PdfLayout.Width, 16), XStringFormats.CenterRight);
        }
        return PdfLayout.Save(document);
    }
}

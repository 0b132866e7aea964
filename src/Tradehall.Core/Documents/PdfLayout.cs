using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Tradehall.Core.Documents;

/// <summary>DOC-02: what every Tradehall PDF shares — A4 pages with 50 pt margins, DejaVu fonts, wrapped text.</summary>
public static class PdfLayout
{
    public const double Left = 50;
    public const double Width = 495; // A4 is 595 pt wide; 50 pt margins.
    public const double Top = 50;
    public const double Bottom = 792; // A4 is 842 pt high.

    public static PdfDocument NewDocument(string title, string author, string subject)
    {
        PdfFonts.EnsureReady();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Subject = subject;
        return document;
    }

    public static PdfPage AddPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return page;
    }

    public static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public static XFont Font(double size, bool bold = false) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>Text wrapped at word boundaries inside a box; what does not fit is clipped, so size the box with <see cref="WrappedHeight"/>.</summary>
    public static void Text(XGraphics g, string text, XFont font, double x, double y, double width, double height) =>
        new XTextFormatter(g).DrawString(text, font, XBrushes.Black, new XRect(x, y, width, height), XStringFormats.TopLeft);

    /// <summary>The height <paramref name="text"/> needs when wrapped to <paramref name="width"/> (with a word-wrap margin).</summary>
    public static double WrappedHeight(XGraphics g, string text, XFont font, double width)
    {
        var lines = text.Split('\n').Sum(line => Math.Max(1, Math.Ceiling(g.MeasureString(line, font).Width * 1.1 / width)));
        return lines * font.GetHeight() + 2;
    }
}

using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tradehall.Core.Documents;

/// <summary>DOC-02: what every Tradehall PDF shares — A4 pages with 50 pt margins, DejaVu fonts, wrapped text.</summary>
[ModuleApi]
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

    /// <summary>
    /// Text wrapped at word boundaries inside a box, drawn line by line exactly as <see cref="Wrap"/> measured it, so a
    /// box sized with <see cref="WrappedHeight"/> never cuts a word; lines past the box's height are not drawn.
    /// </summary>
    public static void Text(XGraphics g, string text, XFont font, double x, double y, double width, double height)
    {
        var lineHeight = font.GetHeight();
        var top = y;
        foreach (var line in Wrap(g, text, font, width))
        {
            if (top + lineHeight > y + height + 0.5)
            {
                break;
            }
            g.DrawString(line, font, XBrushes.Black, new XRect(x, top, width, lineHeight), XStringFormats.TopLeft);
            top += lineHeight;
        }
    }

    /// <summary>The height <paramref name="text"/> needs when wrapped to <paramref name="width"/>.</summary>
    public static double WrappedHeight(XGraphics g, string text, XFont font, double width) =>
        Wrap(g, text, font, width).Count * font.GetHeight() + 2;

    /// <summary>Greedy word wrap by measured width; a word wider than the box is broken between characters.</summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (g.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current);
                }
                current = word;
                while (current.Length > 1 && g.MeasureString(current, font).Width > width)
                {
                    var fits = 1;
                    while (fits < current.Length && g.MeasureString(current[..(fits + 1)], font).Width <= width)
                    {
                        fits++;
                    }
                    lines.Add(current[..fits]);
                    current = current[fits..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }
}

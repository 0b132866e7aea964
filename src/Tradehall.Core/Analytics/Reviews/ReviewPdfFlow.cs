using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tradehall.Core.Documents;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02: the review PDF drawn top to bottom over A4 pages — what does not fit on a page starts the next one, and every
/// page carries the operator's name at its foot.
/// </summary>
internal sealed class ReviewPdfFlow : IDisposable
{
    private const double Limit = PdfLayout.Bottom - 18;
    private readonly PdfDocument document;
    private readonly string footer;
    private readonly XFont footerFont = PdfLayout.Font(8);
    private bool disposed;

    public ReviewPdfFlow(PdfDocument document, string footer)
    {
        this.document = document;
        this.footer = footer;
        G = NewPage();
    }

    public XGraphics G { get; private set; }

    /// <summary>How far down the page the next thing starts, in points.</summary>
    public double Y { get; set; }

    /// <summary>Room for <paramref name="height"/> points: a new page when this one has less left.</summary>
    public void Need(double height)
    {
        if (Y + height > Limit && Y > PdfLayout.Top)
        {
            G.Dispose();
            G = NewPage();
        }
    }

    /// <summary>A line of text wrapped to the page width, after making room for it.</summary>
    public void Paragraph(string text, XFont font, double spaceAfter = 4)
    {
        var lines = PdfLayout.Wrap(G, text, font, PdfLayout.Width);
        var height = lines.Count * font.GetHeight();
        Need(height);
        foreach (var line in lines)
        {
            G.DrawString(line, font, XBrushes.Black, new XRect(PdfLayout.Left, Y, PdfLayout.Width, font.GetHeight()), XStringFormats.TopLeft);
            Y += font.GetHeight();
        }
        Y += spaceAfter;
    }

    private XGraphics NewPage()
    {
        var graphics = XGraphics.FromPdfPage(PdfLayout.AddPage(document));
        graphics.DrawString(footer, footerFont, XBrushes.Black, new XRect(PdfLayout.Left, PdfLayout.Bottom - 10, PdfLayout.Width, 12), XStringFormats.CenterRight);
        Y = PdfLayout.Top;
        return graphics;
    }

    /// <summary>Ends the last page's drawing; the document is saved after it. Safe to call twice.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            G.Dispose();
            disposed = true;
        }
    }
}

using PdfSharp.Drawing;
using Tradehall.Core.Documents;

namespace Tradehall.Core.Analytics.Charts;

/// <summary>
/// Widths of chart labels, measured with the DejaVu Sans metrics the PDFs are drawn with. The web charts lay out with the
/// same measure: DejaVu is the browsers' sans-serif on Linux and wider than the common sans fonts elsewhere, so a label
/// that fits by it fits on screen too.
/// </summary>
public static class ChartText
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<(double, bool), XFont> Fonts = [];
    private static XGraphics? measure;

    public static double Width(string text, double size, bool bold = false)
    {
        lock (Gate)
        {
            if (measure is null)
            {
                PdfFonts.EnsureReady();
                measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
            }
            if (!Fonts.TryGetValue((size, bold), out var font))
            {
                font = PdfLayout.Font(size, bold);
                Fonts[(size, bold)] = font;
            }
            return measure.MeasureString(text, font).Width;
        }
    }

    /// <summary>The widest of <paramref name="texts"/>; 0 for none.</summary>
    public static double Widest(IEnumerable<string> texts, double size) => texts.Select(t => Width(t, size)).DefaultIfEmpty(0).Max();
}

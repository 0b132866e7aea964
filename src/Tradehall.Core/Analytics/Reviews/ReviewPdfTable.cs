using PdfSharp.Drawing;
using Tradehall.Core.Documents;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02: tables of the review PDF whose cells never overlap or lose text — every header and cell is measured and
/// wrapped into lines that fit its column, and a row is as tall as its tallest cell.
/// </summary>
internal static class ReviewPdfTable
{
    /// <summary>Space between a cell's text and its column's edges, in points.</summary>
    public const double Padding = 3;

    private static readonly XSolidBrush Shade = new(XColor.FromArgb(235, 235, 235));
    private static readonly XPen Rule = new(XColors.Gray, 0.3);

    /// <summary>A column: its share of the page width and whether its text sits on the right (numbers).</summary>
    public sealed record Column(double Width, bool Right);

    /// <summary>A header row (shaded, repeated at the top of a new page) and the rows under it.</summary>
    public static void Draw(ReviewPdfFlow flow, IReadOnlyList<Column> columns, string[] header, IEnumerable<string[]> rows, XFont headerFont, XFont font)
    {
        flow.Need(Height(flow.G, columns, header, headerFont) + Height(flow.G, columns, header, font));
        Row(flow, columns, header, headerFont, shade: true);
        foreach (var cells in rows)
        {
            var height = Height(flow.G, columns, cells, font);
            if (flow.Y + height > PdfLayout.Bottom - 18)
            {
                flow.Need(height + Height(flow.G, columns, header, headerFont));
                Row(flow, columns, header, headerFont, shade: true);
            }
            Row(flow, columns, cells, font, shade: false);
        }
    }

    private static double Height(XGraphics g, IReadOnlyList<Column> columns, string[] cells, XFont font) =>
        cells.Select((cell, i) => PdfLayout.Wrap(g, cell, font, columns[i].Width - 2 * Padding).Count).Max() * font.GetHeight() + 2 * Padding;

    private static void Row(ReviewPdfFlow flow, IReadOnlyList<Column> columns, string[] cells, XFont font, bool shade)
    {
        var g = flow.G;
        var height = Height(g, columns, cells, font);
        if (shade)
        {
            g.DrawRectangle(Shade, PdfLayout.Left, flow.Y, PdfLayout.Width, height);
        }
        var x = PdfLayout.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            var width = columns[i].Width - 2 * Padding;
            var y = flow.Y + Padding;
            foreach (var line in PdfLayout.Wrap(g, cells[i], font, width))
            {
                g.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, y, width, font.GetHeight()),
                    columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                y += font.GetHeight();
            }
            x += columns[i].Width;
        }
        g.DrawLine(Rule, PdfLayout.Left, flow.Y + height, PdfLayout.Left + PdfLayout.Width, flow.Y + height);
        flow.Y += height;
    }
}

using PdfSharp.Drawing;
using Tradehall.Core.Analytics.Charts;
using Tradehall.Core.Documents;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02: one unit's months in the review PDF — offer and request medians as lines over the offers' quartile band, with
/// round price ticks and gridlines; month labels are thinned out by their measured width so none touch.
/// </summary>
internal static class ReviewPdfChart
{
    private const double PlotHeight = 130;
    private const double FontSize = 8;
    private static readonly XColor OfferColor = XColor.FromArgb(31, 94, 168);
    private static readonly XColor RequestColor = XColor.FromArgb(196, 84, 0);
    private static readonly XPen Grid = new(XColor.FromArgb(215, 215, 215), 0.4);
    private static readonly XPen Axis = new(XColors.Gray, 0.6);

    public static void Draw(ReviewPdfFlow flow, IReadOnlyList<ReviewMonth> months, CultureInfo culture, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        var font = PdfLayout.Font(FontSize);
        var lineHeight = font.GetHeight();
        flow.Need(PlotHeight + 4 * lineHeight + 18);
        var g = flow.G;
        var top = flow.Y + lineHeight / 2;
        var bottom = top + PlotHeight;
        var values = months.SelectMany(m => new[] { m.Offers.P25, m.Offers.P75, m.Offers.Median, m.Requests.Median }).OfType<decimal>().ToList();
        if (values.Count == 0)
        {
            g.DrawString(text["No prices in these months."].Value, font, XBrushes.Black, PdfLayout.Left, top + lineHeight);
            flow.Y += 2 * lineHeight + 8;
            return;
        }

        var ticks = ChartScale.PriceTicks(values, 6);
        var format = ChartScale.Decimals(ticks) == 0 ? "N0" : "N2";
        var tickLabels = ticks.Select(t => t.ToString(format, culture)).ToList();
        var axisWidth = tickLabels.Max(l => g.MeasureString(l, font).Width) + 6;
        var monthWidest = months.Max(m => g.MeasureString(m.Month, font).Width);
        var plotLeft = PdfLayout.Left + axisWidth;
        var plotRight = PdfLayout.Left + PdfLayout.Width - monthWidest / 2;
        var slot = (plotRight - plotLeft) / months.Count;
        double X(int i) => plotLeft + slot * (i + 0.5);
        var (low, high) = (ticks[0], ticks[^1]);
        double Y(decimal v) => bottom - (double)((v - low) / (high - low)) * PlotHeight;

        for (var i = 0; i < ticks.Count; i++)
        {
            var y = Y(ticks[i]);
            g.DrawLine(Grid, plotLeft, y, plotRight, y);
            g.DrawString(tickLabels[i], font, XBrushes.Black, new XRect(PdfLayout.Left, y - lineHeight / 2, axisWidth - 4, lineHeight), XStringFormats.CenterRight);
        }
        g.DrawLine(Axis, plotLeft, top, plotLeft, bottom);
        g.DrawLine(Axis, plotLeft, bottom, plotRight, bottom);
        var every = ChartScale.LabelEvery(monthWidest, slot, 6);
        for (var i = 0; i < months.Count; i += every)
        {
            g.DrawString(months[i].Month, font, XBrushes.Black, new XRect(X(i) - slot * every / 2, bottom + 2, slot * every, lineHeight), XStringFormats.TopCenter);
        }

        Band(g, months, X, Y);
        Line(g, [.. months.Select(m => m.Offers.Median)], new XPen(OfferColor, 1.6), X, Y);
        Line(g, [.. months.Select(m => m.Requests.Median)], new XPen(RequestColor, 1.6) { DashStyle = XDashStyle.Dash }, X, Y);

        var legend = bottom + lineHeight + 6;
        g.DrawLine(new XPen(OfferColor, 1.6), plotLeft, legend + lineHeight / 2, plotLeft + 20, legend + lineHeight / 2);
        var offerLegend = text["Median offer (band: lower to upper quartile)"].Value;
        g.DrawString(offerLegend, font, XBrushes.Black, new XRect(plotLeft + 24, legend, PdfLayout.Width, lineHeight), XStringFormats.TopLeft);
        var requestLegend = text["Median request"].Value;
        var requestX = plotLeft + 24 + g.MeasureString(offerLegend, font).Width + 16;
        if (requestX + 24 + g.MeasureString(requestLegend, font).Width > PdfLayout.Left + PdfLayout.Width)
        {
            // No room beside the first entry: the second goes under it.
            (requestX, legend) = (plotLeft, legend + lineHeight + 2);
        }
        g.DrawLine(new XPen(RequestColor, 1.6) { DashStyle = XDashStyle.Dash }, requestX, legend + lineHeight / 2, requestX + 20, legend + lineHeight / 2);
        g.DrawString(requestLegend, font, XBrushes.Black, new XRect(requestX + 24, legend, PdfLayout.Width, lineHeight), XStringFormats.TopLeft);
        flow.Y = legend + lineHeight + 10;
    }

    /// <summary>The offers' quartile band, one shape per run of months that have both quartiles.</summary>
    private static void Band(XGraphics g, IReadOnlyList<ReviewMonth> months, Func<int, double> x, Func<decimal, double> y)
    {
        var brush = new XSolidBrush(XColor.FromArgb(60, OfferColor));
        var run = new List<int>();
        void Close()
        {
            if (run.Count > 0)
            {
                var upper = run.Select(i => new XPoint(x(i), y(months[i].Offers.P75!.Value)));
                var lower = Enumerable.Reverse(run).Select(i => new XPoint(x(i), y(months[i].Offers.P25!.Value)));
                var points = upper.Concat(lower).ToList();
                if (run.Count == 1)
                {
                    // A lone month gets a narrow band of its own, so it still shows.
                    var (left, right) = (points[0].X - 3, points[0].X + 3);
                    points = [new(left, points[0].Y), new(right, points[0].Y), new(right, points[1].Y), new(left, points[1].Y)];
                }
                g.DrawPolygon(brush, [.. points], XFillMode.Winding);
                run.Clear();
            }
        }
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Offers is { P25: not null, P75: not null })
            {
                run.Add(i);
            }
            else
            {
                Close();
            }
        }
        Close();
    }

    /// <summary>Joins the months that have a value; a month without one breaks the line.</summary>
    private static void Line(XGraphics g, List<decimal?> values, XPen pen, Func<int, double> x, Func<decimal, double> y)
    {
        var dot = new XSolidBrush(pen.Color);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }
            if (i + 1 < values.Count && values[i + 1] is { } next)
            {
                g.DrawLine(pen, x(i), y(v), x(i + 1), y(next));
            }
            g.DrawEllipse(dot, x(i) - 2, y(v) - 2, 4, 4);
        }
    }
}

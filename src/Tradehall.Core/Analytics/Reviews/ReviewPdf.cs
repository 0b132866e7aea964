using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using Tradehall.Core.Analytics.Prices;
using Tradehall.Core.Documents;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>ANL-02: a price review as an A4 PDF in the reader's language — figures, a trend chart, subcategories and regions.</summary>
public static class ReviewPdf
{
    public sealed record Context(string OperatorName, CultureInfo Culture, IStringLocalizer Text);

    private const double Left = PdfLayout.Left;
    private const double Width = PdfLayout.Width;
    private const double ChartHeight = 160;
    private static readonly XColor OfferColor = XColor.FromArgb(31, 94, 168);
    private static readonly XColor RequestColor = XColor.FromArgb(196, 84, 0);

    // Label, count, p25, median, p75, change: the columns' left edges and the right margin.
    private static readonly double[] Columns = [Left, Left + 175, Left + 235, Left + 305, Left + 375, Left + 445, Left + Width];

    public static byte[] Render(PriceReviewView review, Context c)
    {
        var text = c.Text;
        var f = review.Figures;
        var month = review.Month.ToString("Y", c.Culture);
        var title = text["Price review: {0}, {1}", review.CategoryName, month].Value;
        using var document = PdfLayout.NewDocument(title, c.OperatorName, text["Market prices in {0}", f.Currency]);
        var normal = PdfLayout.Font(9);
        var small = PdfLayout.Font(8);
        var bold = PdfLayout.Font(9, bold: true);
        var page = PdfLayout.AddPage(document);
        using var g = XGraphics.FromPdfPage(page);
        var y = PdfLayout.Top;
        var titleHeight = PdfLayout.WrappedHeight(g, title, PdfLayout.Font(14, bold: true), Width);
        PdfLayout.Text(g, title, PdfLayout.Font(14, bold: true), Left, y, Width, titleHeight);
        y += titleHeight + 4;
        g.DrawString(text["Prices per unit in {0}, converted with the exchange rate of each listing's day.", f.Currency].Value, small, XBrushes.Black, Left, y + 8);
        y += 20;

        string Amount(decimal? value) => value is { } v ? v.ToString("N2", c.Culture) : "—";
        string Percent(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("N2", c.Culture) + " %" : "—";
        y = Row(g, [text["Listings"], text["Count"], text["Lower quartile"], text["Median"], text["Upper quartile"], text["Change of median"]], bold, y, shade: true);
        y = Row(g, [text["Offers"], f.Total.Offers.Count.ToString("N0", c.Culture), Amount(f.Total.Offers.P25), Amount(f.Total.Offers.Median), Amount(f.Total.Offers.P75), Percent(f.OffersMedianChange)], normal, y);
        y = Row(g, [text["Requests"], f.Total.Requests.Count.ToString("N0", c.Culture), Amount(f.Total.Requests.P25), Amount(f.Total.Requests.Median), Amount(f.Total.Requests.P75), Percent(f.RequestsMedianChange)], normal, y);
        y += 6;
        g.DrawString(text["Supply and demand: {0} offers per request", f.Total.SupplyDemandRatio is { } ratio ? ratio.ToString("N2", c.Culture) : "—"].Value, normal, XBrushes.Black, Left, y + 9);
        y += 14;
        if (f.Unconverted > 0)
        {
            g.DrawString(text["{0} listings in currencies without an exchange rate are left out.", f.Unconverted].Value, small, XBrushes.Black, Left, y + 8);
            y += 14;
        }
        y += 8;

        g.DrawString(text["Median prices by month"].Value, bold, XBrushes.Black, Left, y + 9);
        y += 16;
        y = Chart(g, f.Trend, c, small, y) + 12;

        if (f.Subcategories.Count > 0)
        {
            g.DrawString(text["Subcategories"].Value, bold, XBrushes.Black, Left, y + 9);
            y += 14;
            y = Row(g, [text["Category"], text["Offers"], text["Median offer"], text["Requests"], text["Median request"], text["Offers per request"]], bold, y, shade: true);
            foreach (var s in f.Subcategories)
            {
                if (y > PdfLayout.Bottom - 40)
                {
                    break;
                }
                y = Row(g, [review.Names.GetValueOrDefault(s.CategoryId, ""), s.Offers.Count.ToString("N0", c.Culture), Amount(s.Offers.Median),
                    s.Requests.Count.ToString("N0", c.Culture), Amount(s.Requests.Median), Amount(s.SupplyDemandRatio)], normal, y);
            }
            y += 10;
        }
        if (f.TopRegions.Count > 0 && y < PdfLayout.Bottom - 60)
        {
            g.DrawString(text["Regions with most listings"].Value, bold, XBrushes.Black, Left, y + 9);
            y += 14;
            foreach (var r in f.TopRegions)
            {
                g.DrawString(text["{0}, {1}: {2} offers, {3} requests", r.Country, r.Region, r.Offers, r.Requests].Value, normal, XBrushes.Black, Left, y + 9);
                y += 13;
            }
        }
        g.DrawString(c.OperatorName, small, XBrushes.Black, new XRect(Left, PdfLayout.Bottom - 10, Width, 12), XStringFormats.CenterRight);
        return PdfLayout.Save(document);
    }

    private static double Row(XGraphics g, string[] cells, XFont font, double y, bool shade = false)
    {
        const double height = 16;
        if (shade)
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), Left, y, Width, height);
        }
        for (var i = 0; i < cells.Length; i++)
        {
            var box = new XRect(Columns[i] + 2, y, Columns[i + 1] - Columns[i] - 6, height);
            var value = i == 0 ? Fit(g, cells[i], font, box.Width) : cells[i];
            g.DrawString(value, font, XBrushes.Black, box, i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
        }
        g.DrawLine(new XPen(XColors.Gray, 0.3), Left, y + height, Left + Width, y + height);
        return y + height;
    }

    /// <summary>A long category name is shortened with an ellipsis rather than run into the next column.</summary>
    private static string Fit(XGraphics g, string value, XFont font, double width)
    {
        if (g.MeasureString(value, font).Width <= width)
        {
            return value;
        }
        while (value.Length > 1 && g.MeasureString(value + "…", font).Width > width)
        {
            value = value[..^1];
        }
        return value + "…";
    }

    /// <summary>Offer and request medians as two lines over the months, with the offers' quartile band behind them.</summary>
    private static double Chart(XGraphics g, IReadOnlyList<ReviewMonth> months, Context c, XFont font, double y)
    {
        const double axis = 60;
        var plotLeft = Left + axis;
        var plotWidth = Width - axis;
        var values = months.SelectMany(m => new[] { m.Offers.P25, m.Offers.P75, m.Requests.Median, m.Offers.Median }).OfType<decimal>().ToList();
        var pen = new XPen(XColors.Gray, 0.5);
        g.DrawLine(pen, plotLeft, y, plotLeft, y + ChartHeight);
        g.DrawLine(pen, plotLeft, y + ChartHeight, plotLeft + plotWidth, y + ChartHeight);
        var step = months.Count > 1 ? plotWidth / (months.Count - 1) : plotWidth;
        for (var i = 0; i < months.Count; i++)
        {
            g.DrawString(months[i].Month, font, XBrushes.Black, new XRect(plotLeft + i * step - 30, y + ChartHeight + 2, 60, 12), XStringFormats.TopCenter);
        }
        if (values.Count == 0)
        {
            g.DrawString(c.Text["No prices in these months."].Value, font, XBrushes.Black, plotLeft + 10, y + ChartHeight / 2);
            return y + ChartHeight + 16;
        }
        var low = values.Min();
        var high = values.Max();
        var range = high == low ? 1m : high - low;
        double X(int i) => plotLeft + i * step;
        double Y(decimal v) => y + ChartHeight - (double)((v - low) / range) * (ChartHeight - 10) - 5;
        g.DrawString(high.ToString("N2", c.Culture), font, XBrushes.Black, new XRect(Left, Y(high) - 6, axis - 4, 12), XStringFormats.CenterRight);
        g.DrawString(low.ToString("N2", c.Culture), font, XBrushes.Black, new XRect(Left, Y(low) - 6, axis - 4, 12), XStringFormats.CenterRight);

        var band = months.Select((m, i) => (m, i)).Where(x => x.m.Offers.P25 is not null && x.m.Offers.P75 is not null).ToList();
        if (band.Count > 1)
        {
            var polygon = band.Select(x => new XPoint(X(x.i), Y(x.m.Offers.P75!.Value)))
                .Concat(band.AsEnumerable().Reverse().Select(x => new XPoint(X(x.i), Y(x.m.Offers.P25!.Value)))).ToArray();
            g.DrawPolygon(new XSolidBrush(XColor.FromArgb(60, OfferColor)), polygon, XFillMode.Winding);
        }
        Line(g, months.Select(m => m.Offers.Median).ToList(), new XPen(OfferColor, 1.6), X, Y);
        Line(g, months.Select(m => m.Requests.Median).ToList(), new XPen(RequestColor, 1.6) { DashStyle = XDashStyle.Dash }, X, Y);

        var legend = y + ChartHeight + 18;
        g.DrawLine(new XPen(OfferColor, 1.6), plotLeft, legend + 5, plotLeft + 20, legend + 5);
        g.DrawString(c.Text["Median offer (band: lower to upper quartile)"].Value, font, XBrushes.Black, plotLeft + 24, legend + 8);
        g.DrawLine(new XPen(RequestColor, 1.6) { DashStyle = XDashStyle.Dash }, plotLeft + 260, legend + 5, plotLeft + 280, legend + 5);
        g.DrawString(c.Text["Median request"].Value, font, XBrushes.Black, plotLeft + 284, legend + 8);
        return legend + 12;
    }

    /// <summary>Joins the months that have a value; a month without one breaks the line.</summary>
    private static void Line(XGraphics g, List<decimal?> values, XPen pen, Func<int, double> x, Func<decimal, double> y)
    {
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
            g.DrawEllipse(pen.Brush(), x(i) - 2, y(v) - 2, 4, 4);
        }
    }

    private static XSolidBrush Brush(this XPen pen) => new(pen.Color);
}

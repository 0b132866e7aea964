using Tradehall.Core.Documents;
using Tradehall.Core.Marketplace.Listings;
using static Tradehall.Core.Analytics.Reviews.ReviewPdfTable;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>
/// ANL-02: a price review as an A4 PDF in the reader's language — per unit its figures and trend chart, then the
/// subcategories per unit and the regions; pages follow as needed.
/// </summary>
public static class ReviewPdf
{
    public sealed record Context(string OperatorName, CultureInfo Culture, IStringLocalizer Text);

    // Listings, count, lower quartile, median, upper quartile, change of median: each as wide as its longest header word
    // (Russian ones are the longest) or a price of millions needs.
    internal static readonly Column[] FigureColumns = [new(95, false), new(70, true), new(82, true), new(82, true), new(82, true), new(84, true)];

    // Category with its unit, offers, median offer, requests, median request, offers per request.
    internal static readonly Column[] SubcategoryColumns = [new(127, false), new(80, true), new(80, true), new(55, true), new(72, true), new(81, true)];

    /// <summary>The headers of the figures table, in the reader's language.</summary>
    internal static string[] FigureHeaders(IStringLocalizer text) =>
        [text["Listings"], text["Count"], text["Lower quartile"], text["Median"], text["Upper quartile"], text["Change of median"]];

    /// <summary>The headers of the subcategories table, in the reader's language.</summary>
    internal static string[] SubcategoryHeaders(IStringLocalizer text) =>
        [text["Category"], text["Offers"], text["Median offer"], text["Requests"], text["Median request"], text["Offers per request"]];

    public static byte[] Render(PriceReviewView review, Context c)
    {
        var text = c.Text;
        var f = review.Figures;
        var title = text["Price review: {0}, {1}", review.CategoryName, review.Month.ToString("Y", c.Culture)].Value;
        using var document = PdfLayout.NewDocument(title, c.OperatorName, text["Market prices in {0}", f.Currency]);
        using var flow = new ReviewPdfFlow(document, c.OperatorName);
        var normal = PdfLayout.Font(9);
        var small = PdfLayout.Font(8);
        var bold = PdfLayout.Font(9, bold: true);
        var heading = PdfLayout.Font(11, bold: true);
        string Amount(decimal? value) => value is { } v ? v.ToString("N2", c.Culture) : "—";
        string Percent(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("N2", c.Culture) + " %" : "—";
        string Count(int value) => value.ToString("N0", c.Culture);

        flow.Paragraph(title, PdfLayout.Font(14, bold: true));
        flow.Paragraph(text["Prices in {0} per unit of measure, converted with the exchange rate of each listing's day. Each unit is reviewed on its own; a change compares a unit with the same unit a month before.", f.Currency], small, 8);
        if (f.Units.Count == 0)
        {
            flow.Paragraph(text["No prices in this month."], normal);
        }
        foreach (var u in f.Units)
        {
            flow.Need(120);
            flow.Paragraph(text["Prices in {0}/{1}", f.Currency, UnitNames.Of(text, u.Unit)], heading);
            Draw(flow, FigureColumns, FigureHeaders(text),
            [
                [text["Offers"], Count(u.Offers.Count), Amount(u.Offers.P25), Amount(u.Offers.Median), Amount(u.Offers.P75), Percent(u.OffersMedianChange)],
                [text["Requests"], Count(u.Requests.Count), Amount(u.Requests.P25), Amount(u.Requests.Median), Amount(u.Requests.P75), Percent(u.RequestsMedianChange)],
            ], bold, normal);
            flow.Y += 4;
            flow.Paragraph(text["Supply and demand: {0} offers per request", Amount(u.SupplyDemandRatio)], normal, 6);
            flow.Paragraph(text["Median prices by month"], bold, 2);
            ReviewPdfChart.Draw(flow, u.Trend, c.Culture, text);
        }
        if (f.Unconverted > 0)
        {
            flow.Paragraph(text["{0} listings in currencies without an exchange rate are left out.", f.Unconverted], small, 8);
        }
        if (f.Subcategories.Count > 0)
        {
            flow.Need(60);
            flow.Paragraph(text["Subcategories"], heading);
            Draw(flow, SubcategoryColumns, SubcategoryHeaders(text), f.Subcategories.Select(s => new[]
            {
                text["{0}, per {1}", review.Names.GetValueOrDefault(s.CategoryId, ""), UnitNames.Of(text, s.Unit)], Count(s.Offers.Count), Amount(s.Offers.Median),
                Count(s.Requests.Count), Amount(s.Requests.Median), Amount(s.SupplyDemandRatio),
            }), bold, normal);
            flow.Y += 10;
        }
        if (f.TopRegions.Count > 0)
        {
            // The heading keeps at least its first line with it.
            flow.Need(32);
            flow.Paragraph(text["Regions with most listings"], heading);
            foreach (var r in f.TopRegions)
            {
                flow.Paragraph(text["{0}, {1}: {2} offers, {3} requests", r.Country, r.Region, r.Offers, r.Requests], normal, 1);
            }
        }
        flow.Dispose();
        return PdfLayout.Save(document);
    }
}

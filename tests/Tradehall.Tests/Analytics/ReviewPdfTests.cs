using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using Tradehall.Core.Analytics.Reviews;
using Tradehall.Core.Documents;
using Tradehall.Core.Shared;
using static Tradehall.Core.Marketplace.Listings.ListingType;

namespace Tradehall.Tests.Analytics;

/// <summary>ANL-02: the review PDF's tables and charts are laid out by measured text, so nothing overlaps or is cut off.</summary>
public sealed class ReviewPdfTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void ANL02_the_review_pdf_header_lines_fit_their_columns(string culture)
    {
        using var _ = CultureScope.Use(culture);
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        PdfFonts.EnsureReady();
        using var g = XGraphics.CreateMeasureContext(new XSize(600, 850), XGraphicsUnit.Point, XPageDirection.Downwards);
        var bold = PdfLayout.Font(9, bold: true);
        foreach (var (headers, columns) in new[] { (ReviewPdf.FigureHeaders(text), ReviewPdf.FigureColumns), (ReviewPdf.SubcategoryHeaders(text), ReviewPdf.SubcategoryColumns) })
        {
            Assert.Equal(PdfLayout.Width, columns.Sum(c => c.Width), 3);
            for (var i = 0; i < headers.Length; i++)
            {
                var room = columns[i].Width - 2 * ReviewPdfTable.Padding;
                var lines = PdfLayout.Wrap(g, headers[i], bold, room);
                Assert.All(lines, line => Assert.True(g.MeasureString(line, bold).Width <= room, $"\"{line}\" of \"{headers[i]}\" is wider than its column"));
                // Nothing is lost in the wrapping.
                Assert.Equal(headers[i].Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
            }
        }
        // A word longer than its column is broken between letters rather than cut.
        var broken = PdfLayout.Wrap(g, "Древесноволокнистые", bold, 40);
        Assert.True(broken.Count > 1);
        Assert.Equal("Древесноволокнистые", string.Concat(broken));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task ANL02_no_text_of_the_review_pdf_overlaps_other_text_or_leaves_the_page(string culture)
    {
        var month = new DateOnly(2025, 6, 1);
        var review = await ReviewWithTwoUnitsAsync(month);
        var subscriber = await AnalyticsSteps.SubscriberAsync(app, "price-review");
        byte[] pdf;
        using (CultureScope.Use(culture))
        {
            await using var scope = app.Services.CreateAsyncScope();
            (pdf, _) = await scope.ServiceProvider.GetRequiredService<PriceReviewArchive>().PdfAsync(subscriber.Id, review, CancellationToken.None);
        }

        if (Environment.GetEnvironmentVariable("TRADEHALL_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            // Kept for a person to look at, as the browser tests keep their screenshots.
            Directory.CreateDirectory(artifacts);
            await File.WriteAllBytesAsync(Path.Combine(artifacts, $"price-review-{culture}.pdf"), pdf);
        }
        var words = await PdfText.WordsAsync(pdf);
        Assert.NotEmpty(words);
        foreach (var page in words.GroupBy(w => w.Page))
        {
            var list = page.ToList();
            Assert.All(list, w => Assert.True(w.Left >= PdfLayout.Left - 1 && w.Right <= PdfLayout.Left + PdfLayout.Width + 1 && w.Bottom <= 842,
                $"\"{w.Text}\" on page {w.Page} leaves the printed area ({w.Left:0.0}..{w.Right:0.0})"));
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var across = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                    var down = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
                    Assert.False(across > 0.5 && down > 1, $"\"{a.Text}\" and \"{b.Text}\" overlap on page {a.Page}");
                }
            }
        }
        var all = string.Join(" ", words.Select(w => w.Text));
        using (CultureScope.Use(culture))
        {
            var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var header in ReviewPdf.FigureHeaders(text).Concat(ReviewPdf.SubcategoryHeaders(text)))
            {
                Assert.All(header.Split(' '), word => Assert.Contains(word, all, StringComparison.Ordinal));
            }
            Assert.Contains(text["Prices in {0}/{1}", "RUB", text["tonne"]].Value.Split(' ')[^1], all, StringComparison.Ordinal);
        }
    }

    /// <summary>A month of Bioenergy priced per tonne and per cubic metre, with the months before for the charts.</summary>
    private async Task<Guid> ReviewWithTwoUnitsAsync(DateOnly month)
    {
        var existing = await app.WithDb(db => db.Set<PriceReview>().Where(r => r.Month == month && r.CategoryId == 47).Select(r => (Guid?)r.Id).FirstOrDefaultAsync());
        if (existing is { } id)
        {
            return id;
        }
        var rows = new List<(Tradehall.Core.Marketplace.Listings.ListingType, int, decimal, string, string)>();
        for (var back = 0; back < 6; back++)
        {
            var day = month.AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((Offer, 48, 17_955m + back * 310, "t", $"{day}-05T09:00:00Z"));
            rows.Add((Offer, 49, 21_400m - back * 120, "t", $"{day}-06T09:00:00Z"));
            rows.Add((Offer, 52, 1_920m + back * 45, "m3", $"{day}-07T09:00:00Z"));
            rows.Add((Offer, 53, 2_710m - back * 30, "m3", $"{day}-08T09:00:00Z"));
            rows.Add((Request, 52, 1_850m, "m3", $"{day}-09T09:00:00Z"));
            rows.Add((Request, 48, 17_500m, "t", $"{day}-10T09:00:00Z"));
        }
        await AnalyticsSteps.ListInUnitsAsync(app, [.. rows]);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PriceReviews>().GenerateAsync(month, CancellationToken.None);
        return await app.WithDb(db => db.Set<PriceReview>().Where(r => r.Month == month && r.CategoryId == 47).Select(r => r.Id).SingleAsync());
    }
}

using Tradehall.Core.Billing;
using Tradehall.Core.Analytics.Prices;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>An entry of the archive: <c>GET /api/v1/price-reviews</c>.</summary>
public sealed record PriceReviewEntry(Guid Id, string Month, string Category, string PdfUrl);

/// <summary>A review ready to show: its figures with the categories named in the reader's language.</summary>
public sealed record PriceReviewView(Guid Id, DateOnly Month, string CategoryName, ReviewFigures Figures, IReadOnlyDictionary<int, string> Names);

/// <summary>A month of the teaser: the median offer, coarsely rounded, or null without offers.</summary>
public sealed record TeaserMonth(string Month, decimal? Median);

/// <summary>
/// What a visitor without a subscription sees of the market: one main category's median offer price in one unit over
/// the months of its newest review, rounded to two significant figures — a taste, not the figures themselves.
/// </summary>
public sealed record PriceTeaser(string Category, DateOnly Month, string Currency, string Unit, IReadOnlyList<TeaserMonth> Months);

/// <summary>ANL-02: reading the archive of price reviews — the list, one review as figures or a PDF, and the teaser.</summary>
public sealed class PriceReviewArchive(AppDbContext db, IMarketPrices market, Entitlements entitlements, PriceReviews maker,
    IStringLocalizer<SharedResource> text, IOptions<TradehallOptions> site)
{
    public async Task EnsureSubscriberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (!await entitlements.HasActiveAsync(memberId, ServiceCatalog.PriceReview, cancellationToken))
        {
            throw DomainException.Forbidden("analytics.price_review_subscription_required", "Price reviews need an active price-review subscription.");
        }
    }

    /// <summary>The archive, newest month first; categories in the reader's language.</summary>
    public async Task<IReadOnlyList<PriceReviewEntry>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        await EnsureSubscriberAsync(memberId, cancellationToken);
        var names = Names(await market.CategoriesAsync(cancellationToken));
        var rows = await db.Set<PriceReview>().AsNoTracking().Select(r => new { r.Id, r.Month, r.CategoryId }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Month).ThenBy(r => names.GetValueOrDefault(r.CategoryId), StringComparer.CurrentCulture)
            .Select(r => new PriceReviewEntry(r.Id, PriceAnalytics.Label(r.Month, PriceAnalytics.Month), names.GetValueOrDefault(r.CategoryId, ""), PdfUrl(r.Id)))];
    }

    public static string PdfUrl(Guid id) => $"/api/v1/price-reviews/{id}/pdf";

    public async Task<PriceReviewView> ViewAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        await EnsureSubscriberAsync(memberId, cancellationToken);
        var review = await db.Set<PriceReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("analytics.price_review_not_found", "There is no such price review.");
        if (review.FiguresVersion < PriceReview.CurrentVersion)
        {
            // Never shown with units mixed: made again (once) before it is read.
            await maker.RemakeOutdatedAsync(review.Id, cancellationToken);
            review = await db.Set<PriceReview>().AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        }
        var names = Names(await market.CategoriesAsync(cancellationToken));
        return new PriceReviewView(review.Id, review.Month, names.GetValueOrDefault(review.CategoryId, ""), review.Read(), names);
    }

    /// <summary>The review as a PDF in the reader's language, drawn on request from the stored figures.</summary>
    public async Task<(byte[] Content, string FileName)> PdfAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(memberId, id, cancellationToken);
        var pdf = ReviewPdf.Render(view, new ReviewPdf.Context(site.Value.OperatorName, CultureInfo.CurrentCulture, text));
        return (pdf, $"price-review-{view.Month:yyyy-MM}-{view.Id:N}.pdf");
    }

    /// <summary>
    /// The teaser from the newest month of the archive: the category whose main unit had the most priced offers; null
    /// while the archive holds fewer than two months of its prices.
    /// </summary>
    public async Task<PriceTeaser?> TeaserAsync(CancellationToken cancellationToken)
    {
        var current = db.Set<PriceReview>().AsNoTracking().Where(r => r.FiguresVersion == PriceReview.CurrentVersion);
        var latest = await current.MaxAsync(r => (DateOnly?)r.Month, cancellationToken);
        if (latest is not { } month)
        {
            return null;
        }
        var best = (await current.Where(r => r.Month == month).ToListAsync(cancellationToken))
            .Select(r => (r.CategoryId, Figures: r.Read()))
            .Where(r => r.Figures.Units.Count > 0)
            .OrderByDescending(r => r.Figures.Units[0].Offers.Count).ThenBy(r => r.CategoryId)
            .FirstOrDefault();
        if (best.Figures is null)
        {
            return null;
        }
        var unit = best.Figures.Units[0];
        var months = unit.Trend.Select(m => new TeaserMonth(m.Month, Coarse(m.Offers.Median))).ToList();
        if (months.Count(m => m.Median is not null) < 2)
        {
            return null;
        }
        var names = Names(await market.CategoriesAsync(cancellationToken));
        return new PriceTeaser(names.GetValueOrDefault(best.CategoryId, ""), month, best.Figures.Currency, unit.Unit, months);
    }

    /// <summary>Two significant figures: 14,919.50 → 15,000; 2,712 → 2,700; 0.4567 → 0.46.</summary>
    public static decimal? Coarse(decimal? value)
    {
        if (value is not { } v || v == 0)
        {
            return value;
        }
        var step = 1m;
        while (Math.Abs(v) >= step * 100)
        {
            step *= 10;
        }
        while (Math.Abs(v) < step * 10 && step > 0.01m)
        {
            step /= 10;
        }
        return decimal.Round(v / step, MidpointRounding.AwayFromZero) * step;
    }

    /// <summary>"March 2026" in the current language (the standalone month form in Russian).</summary>
    public static string MonthName(DateOnly month) => month.ToString("Y", CultureInfo.CurrentCulture);

    public static IReadOnlyDictionary<int, string> Names(IEnumerable<CategoryNode> tree)
    {
        var result = new Dictionary<int, string>();
        void Add(CategoryNode node)
        {
            result[node.Id] = node.Name;
            foreach (var child in node.Children)
            {
                Add(child);
            }
        }
        foreach (var node in tree)
        {
            Add(node);
        }
        return result;
    }
}

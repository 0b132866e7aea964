using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;
using Tradehall.Core.Analytics.Prices;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Billing.Services;
using Tradehall.Core.Data;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Notifications;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>The month to review, as YYYY-MM.</summary>
public sealed record GenerateReviewsRequest(string? Month);

/// <summary>An entry of the archive: <c>GET /api/v1/price-reviews</c>.</summary>
public sealed record PriceReviewEntry(Guid Id, string Month, string Category, string PdfUrl);

/// <summary>A review ready to show: its figures with the categories named in the reader's language.</summary>
public sealed record PriceReviewView(Guid Id, DateOnly Month, string CategoryName, ReviewFigures Figures, IReadOnlyDictionary<int, string> Names);

/// <summary>
/// ANL-02: makes the month's price reviews — one per top-level category with listings that month — and queues one
/// email per price-review subscriber listing them, all in one transaction: the unique (month, category) index makes a
/// second run, on this node or another, add nothing and send nothing.
/// </summary>
public sealed class PriceReviews(AppDbContext db, IMarketPrices market, Entitlements entitlements, Outbox outbox, JobLeases leases,
    TimeProvider time, IStringLocalizer<SharedResource> text, IOptions<AnalyticsOptions> options, IOptions<MarketplaceOptions> marketplace,
    IOptions<TradehallOptions> site)
{
    public const string JobName = "analytics-price-reviews";

    /// <summary>
    /// Reviews last month (in the site's time zone) unless done, first catching up months missed since the last run.
    /// Answers the months reviewed, or null when another node holds the job.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>?> RunDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var due = PricePoints.MonthOf(time.Today(site.Value.Zone)).AddMonths(-1);
        var last = await leases.CompletedForAsync(JobName, cancellationToken);
        if (last >= due)
        {
            return [];
        }
        if (!await leases.TryAcquireAsync(JobName, o.ReviewLease, cancellationToken))
        {
            return null;
        }
        DateOnly? completed = null;
        try
        {
            // Read again under the lease: another node may have finished while this one waited.
            last = await leases.CompletedForAsync(JobName, cancellationToken);
            var first = last is { } done ? done.AddMonths(1) : due;
            if (first < due.AddMonths(1 - o.ReviewCatchUpMonths))
            {
                first = due.AddMonths(1 - o.ReviewCatchUpMonths);
            }
            var months = new List<DateOnly>();
            for (var month = first; month <= due; month = month.AddMonths(1))
            {
                await GenerateAsync(month, cancellationToken);
                months.Add(month);
            }
            completed = due;
            return months;
        }
        finally
        {
            await leases.ReleaseAsync(JobName, completed, CancellationToken.None);
        }
    }

    /// <summary>
    /// The operator's way to make a past month's reviews now. A month that has not ended is refused: its reviews would
    /// be frozen with part of the month and the 1st's run would find them already made.
    /// </summary>
    public Task<int> GenerateOnDemandAsync(GenerateReviewsRequest request, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(request.Month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            throw DomainException.Field("analytics.month_invalid", "month", "Enter a month as YYYY-MM.");
        }
        if (month >= PricePoints.MonthOf(time.Today(site.Value.Zone)))
        {
            throw DomainException.Field("analytics.month_not_over", "month", "Only a month that has ended can be reviewed.");
        }
        return GenerateAsync(month, cancellationToken);
    }

    /// <summary>Makes the reviews of <paramref name="month"/> that do not exist yet; answers how many were made.</summary>
    public async Task<int> GenerateAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var zone = site.Value.Zone;
        var currency = marketplace.Value.BaseCurrency;
        month = PricePoints.MonthOf(month);
        var existing = await db.Set<PriceReview>().Where(r => r.Month == month).Select(r => r.CategoryId).ToListAsync(cancellationToken);
        var tree = await market.CategoriesAsync(cancellationToken);
        var trendFrom = month.AddMonths(1 - o.ReviewTrendMonths);
        var end = month.AddMonths(1);
        var points = await market.PointsAsync([.. tree.SelectMany(PriceAnalytics.Flatten)], PricePoints.StartUtc(trendFrom, zone), PricePoints.StartUtc(end, zone), cancellationToken);
        var rates = await market.RatesAsync(end.AddDays(-1), cancellationToken);
        var converted = points.Select(p => PricePoints.Convert(p, currency, rates, zone)).ToList();
        var now = time.UtcNow();
        var made = new List<PriceReview>();
        foreach (var top in tree.Where(t => !existing.Contains(t.Id)))
        {
            var ids = PriceAnalytics.Flatten(top).ToHashSet();
            var ofCategory = converted.Where(p => ids.Contains(p.Point.CategoryId)).ToList();
            var inMonth = ofCategory.Where(p => PricePoints.MonthOf(p.Day) == month).ToList();
            if (inMonth.Count == 0)
            {
                continue;
            }
            var figures = Figures(top, month, currency, ofCategory, inMonth, o);
            made.Add(db.Set<PriceReview>().Add(new PriceReview { Month = month, CategoryId = top.Id, Figures = PriceReview.Write(figures), CreatedAt = now }).Entity);
        }
        if (made.Count == 0)
        {
            return 0;
        }
        await QueueEmailsAsync(month, made, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another runner made this month's reviews first; its emails are the ones that go out.
            db.ChangeTracker.Clear();
            return 0;
        }
        return made.Count;
    }

    private static ReviewFigures Figures(CategoryNode top, DateOnly month, string currency, List<ConvertedPoint> ofCategory, List<ConvertedPoint> inMonth, AnalyticsOptions o)
    {
        var total = Section(top.Id, inMonth);
        var trend = new List<ReviewMonth>();
        for (var m = month.AddMonths(1 - o.ReviewTrendMonths); m <= month; m = m.AddMonths(1))
        {
            var of = ofCategory.Where(p => PricePoints.MonthOf(p.Day) == m).ToList();
            trend.Add(new ReviewMonth(PriceAnalytics.Label(m, PriceAnalytics.Month), Stats(of, ListingType.Offer), Stats(of, ListingType.Request)));
        }
        var previous = trend[^2];
        var regions = inMonth.GroupBy(p => (p.Point.Country, p.Point.Region))
            .Select(g => new ReviewRegion(g.Key.Country, g.Key.Region, g.Count(p => p.Point.Type == ListingType.Offer), g.Count(p => p.Point.Type == ListingType.Request)))
            .OrderByDescending(r => r.Offers + r.Requests).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal)
            .Take(o.ReviewTopRegions).ToList();
        var subcategories = top.Children.Select(child =>
        {
            var ids = PriceAnalytics.Flatten(child).ToHashSet();
            return Section(child.Id, inMonth.Where(p => ids.Contains(p.Point.CategoryId)).ToList());
        }).Where(s => s.Offers.Count + s.Requests.Count > 0).ToList();
        return new ReviewFigures(currency, total, Change(previous.Offers.Median, total.Offers.Median), Change(previous.Requests.Median, total.Requests.Median),
            regions, subcategories, trend, inMonth.Count(p => p.Price is null));
    }

    private static ReviewSection Section(int categoryId, List<ConvertedPoint> points)
    {
        var offers = Stats(points, ListingType.Offer);
        var requests = Stats(points, ListingType.Request);
        return new ReviewSection(categoryId, offers, requests, Quartiles.Ratio(offers.Count, requests.Count));
    }

    private static PriceStats Stats(IEnumerable<ConvertedPoint> points, ListingType type) =>
        Quartiles.Of(points.Where(p => p.Point.Type == type && p.Price is not null).Select(p => p.Price!.Value));

    /// <summary>The change in per cent, or null without both medians.</summary>
    private static decimal? Change(decimal? before, decimal? now) =>
        before is { } b && b != 0 && now is { } n ? Quartiles.Round((n - b) / b * 100) : null;

    private sealed record Recipient(Guid Id, string Email, string FirstName, string Culture);

    /// <summary>One email per subscriber with links to the month's new reviews, in the subscriber's language.</summary>
    private async Task QueueEmailsAsync(DateOnly month, List<PriceReview> reviews, CancellationToken cancellationToken)
    {
        var subscribers = await entitlements.MembersWithActiveAsync(ServiceCatalog.PriceReview, cancellationToken);
        if (subscribers.Count == 0)
        {
            return;
        }
        var ids = subscribers.ToArray();
        var recipients = await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.Email != null)
            .Select(m => new Recipient(m.Id, m.Email!, m.FirstName, m.Culture)).ToListAsync(cancellationToken);
        var names = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        var url = site.Value.PublicUrl.TrimEnd('/');
        foreach (var r in recipients)
        {
            using var _ = CultureScope.Use(r.Culture);
            if (!names.TryGetValue(r.Culture, out var named))
            {
                named = Names(await market.CategoriesAsync(cancellationToken));
                names[r.Culture] = named;
            }
            var monthName = MonthName(month);
            var lines = reviews.OrderBy(v => named.GetValueOrDefault(v.CategoryId), StringComparer.CurrentCulture)
                .Select(v => "• " + named.GetValueOrDefault(v.CategoryId, "") + ": " + url + "/price-reviews/" + v.Id);
            var body = string.Join("\n\n", text["Hello {0},", r.FirstName], text["The price reviews for {0} are ready:", monthName],
                string.Join("\n", lines), text["All reviews: {0}", url + "/price-reviews"], site.Value.OperatorName);
            outbox.Email(r.Id, r.Email, text["Price reviews for {0}", monthName], body);
        }
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
}

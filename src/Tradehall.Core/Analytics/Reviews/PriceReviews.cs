using Tradehall.Core.Billing;
using Tradehall.Core.Analytics.Prices;
using Tradehall.Core.Billing.Catalog;
using Tradehall.Core.Marketplace;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Analytics.Reviews;

/// <summary>The month to review, as YYYY-MM.</summary>
public sealed record GenerateReviewsRequest(string? Month);

/// <summary>What filling the archive did: reviews made for months that had none, and older reviews made again per unit.</summary>
public sealed record ArchiveFill(int Made, int Remade);

/// <summary>A month of the archive and how many category reviews it holds.</summary>
public sealed record ArchiveMonth(DateOnly Month, int Reviews);

/// <summary>
/// ANL-02: makes the price reviews of a month — one per top-level category with listings that month — and queues one
/// email per price-review subscriber listing them, in one transaction per month: the unique (month, category) index
/// makes a second run, on this node or another, add nothing and send nothing. Subscribers hear of the month that has
/// just ended; earlier months only fill the archive, which reaches back <see cref="AnalyticsOptions.ReviewArchiveMonths"/>
/// over the months the listings cover, so a new subscriber reads past months at once.
/// </summary>
public sealed class PriceReviews(AppDbContext db, IMarketPrices market, Entitlements entitlements, IOutbox outbox, JobLeases leases,
    TimeProvider time, IStringLocalizer<SharedResource> text, IOptions<AnalyticsOptions> options, IOptions<MarketplaceOptions> marketplace,
    IOptions<TradehallOptions> site)
{
    public const string JobName = "analytics-price-reviews";

    /// <summary>The last month that has ended, in the site's time zone.</summary>
    public DateOnly LastEndedMonth() => PricePoints.MonthOf(time.Today(site.Value.Zone)).AddMonths(-1);

    /// <summary>
    /// Reviews last month unless done, first catching up months missed since the last run, and fills the archive back;
    /// reviews made before units were kept apart are made again. Answers the months that were due, or null when another
    /// node holds the job.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>?> RunDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var due = LastEndedMonth();
        var last = await leases.CompletedForAsync(JobName, cancellationToken);
        if (last >= due && !await OutdatedAsync(cancellationToken))
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
            var months = new List<DateOnly>();
            if (!(last >= due))
            {
                var first = last is { } done ? done.AddMonths(1) : due;
                if (first < due.AddMonths(1 - o.ReviewCatchUpMonths))
                {
                    first = due.AddMonths(1 - o.ReviewCatchUpMonths);
                }
                months.AddRange(Months(first, due));
                await MakeAsync(months.Concat(Months(due.AddMonths(1 - o.ReviewArchiveMonths), due)), cancellationToken);
            }
            await RemakeOutdatedAsync(null, cancellationToken);
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
        if (IsoDates.Month(request.Month).Value is not { } month)
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
    public Task<int> GenerateAsync(DateOnly month, CancellationToken cancellationToken) => MakeAsync([month], cancellationToken);

    /// <summary>
    /// The operator's (and the job's) way to complete the archive: every missing review of the last
    /// <see cref="AnalyticsOptions.ReviewArchiveMonths"/> ended months with listings, and older reviews made again per unit.
    /// </summary>
    public async Task<ArchiveFill> FillArchiveAsync(CancellationToken cancellationToken)
    {
        var last = LastEndedMonth();
        var made = await MakeAsync(Months(last.AddMonths(1 - options.Value.ReviewArchiveMonths), last), cancellationToken);
        return new ArchiveFill(made, await RemakeOutdatedAsync(null, cancellationToken));
    }

    /// <summary>The archive's months within <see cref="AnalyticsOptions.ReviewArchiveMonths"/>, newest first, with their review counts.</summary>
    public async Task<IReadOnlyList<ArchiveMonth>> ArchiveMonthsAsync(CancellationToken cancellationToken)
    {
        var last = LastEndedMonth();
        var first = last.AddMonths(1 - options.Value.ReviewArchiveMonths);
        var counts = (await db.Set<PriceReview>().AsNoTracking().Where(r => r.Month >= first && r.Month <= last)
            .GroupBy(r => r.Month).Select(g => new { Month = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Month, r => r.Count);
        return [.. Months(first, last).Reverse().Select(m => new ArchiveMonth(m, counts.GetValueOrDefault(m)))];
    }

    /// <summary>
    /// Makes again, from the listings, the reviews whose figures mixed units (all of them, or the one with
    /// <paramref name="id"/>), keeping their ids and dates; answers how many.
    /// </summary>
    public async Task<int> RemakeOutdatedAsync(Guid? id, CancellationToken cancellationToken)
    {
        var outdated = await db.Set<PriceReview>().Where(r => r.FiguresVersion < PriceReview.CurrentVersion && (id == null || r.Id == id))
            .ToListAsync(cancellationToken);
        if (outdated.Count == 0)
        {
            return 0;
        }
        var window = await WindowAsync(outdated.Min(r => r.Month), outdated.Max(r => r.Month), cancellationToken);
        foreach (var review in outdated)
        {
            var top = window.Tree.FirstOrDefault(t => t.Id == review.CategoryId);
            var figures = top is null
                ? new ReviewFigures(window.Currency, [], [], [], 0)
                : ReviewCalculator.Figures(top, review.Month, window.Currency, [.. window.ByTop[top.Id]], options.Value);
            review.Figures = PriceReview.Write(figures);
            review.FiguresVersion = PriceReview.CurrentVersion;
        }
        await db.SaveChangesAsync(cancellationToken);
        return outdated.Count;
    }

    private Task<bool> OutdatedAsync(CancellationToken cancellationToken) =>
        db.Set<PriceReview>().AnyAsync(r => r.FiguresVersion < PriceReview.CurrentVersion, cancellationToken);

    /// <summary>Makes the reviews of <paramref name="months"/> that do not exist yet, one transaction per month; answers how many were made.</summary>
    private async Task<int> MakeAsync(IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        var list = months.Select(PricePoints.MonthOf).Distinct().Order().ToList();
        if (list.Count == 0)
        {
            return 0;
        }
        var (first, last) = (list[0], list[^1]);
        var existing = (await db.Set<PriceReview>().AsNoTracking().Where(r => r.Month >= first && r.Month <= last)
            .Select(r => new { r.Month, r.CategoryId }).ToListAsync(cancellationToken)).Select(r => (r.Month, r.CategoryId)).ToHashSet();
        var window = await WindowAsync(first, last, cancellationToken);
        var lastEnded = LastEndedMonth();
        var now = time.UtcNow();
        var made = 0;
        foreach (var month in list)
        {
            var reviews = new List<PriceReview>();
            foreach (var top in window.Tree.Where(t => !existing.Contains((month, t.Id))))
            {
                var ofCategory = window.ByTop[top.Id].ToList();
                if (!ofCategory.Any(p => PricePoints.MonthOf(p.Day) == month))
                {
                    continue;
                }
                var figures = ReviewCalculator.Figures(top, month, window.Currency, ofCategory, options.Value);
                reviews.Add(new PriceReview { Month = month, CategoryId = top.Id, Figures = PriceReview.Write(figures), CreatedAt = now });
            }
            if (reviews.Count == 0)
            {
                continue;
            }
            db.Set<PriceReview>().AddRange(reviews);
            if (month == lastEnded)
            {
                await QueueEmailsAsync(month, reviews, cancellationToken);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                made += reviews.Count;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "analytics_price_reviews", "IX_analytics_price_reviews_Month_CategoryId"))
            {
                // Another runner made this month's reviews first; its emails are the ones that go out.
                db.ChangeTracker.Clear();
            }
        }
        return made;
    }

    /// <summary>The taxonomy and the base-currency prices of every top-level category from the trend's start before <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    private sealed record Window(string Currency, IReadOnlyList<CategoryNode> Tree, ILookup<int, ConvertedPoint> ByTop);

    private async Task<Window> WindowAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var zone = site.Value.Zone;
        var currency = marketplace.Value.BaseCurrency;
        var tree = await market.CategoriesAsync(cancellationToken);
        var topOf = tree.SelectMany(t => PriceAnalytics.Flatten(t).Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Item2);
        var end = last.AddMonths(1);
        var points = await market.PointsAsync([.. topOf.Keys], PricePoints.StartUtc(first.AddMonths(1 - options.Value.ReviewTrendMonths), zone),
            PricePoints.StartUtc(end, zone), cancellationToken);
        var rates = await market.RatesAsync(end.AddDays(-1), cancellationToken);
        var byTop = points.Select(p => PricePoints.Convert(p, currency, rates, zone)).ToLookup(p => topOf[p.Point.CategoryId]);
        return new Window(currency, tree, byTop);
    }

    private static IEnumerable<DateOnly> Months(DateOnly first, DateOnly last)
    {
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

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
        var recipients = await new MemberLookup(db).Rows.Where(m => ids.Contains(m.Id) && m.Email != null)
            .Select(m => new Recipient(m.Id, m.Email!, m.FirstName, m.Culture)).ToListAsync(cancellationToken);
        var names = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        var url = site.Value.PublicUrl.TrimEnd('/');
        foreach (var r in recipients)
        {
            using var _ = CultureScope.Use(r.Culture);
            if (!names.TryGetValue(r.Culture, out var named))
            {
                named = PriceReviewArchive.Names(await market.CategoriesAsync(cancellationToken));
                names[r.Culture] = named;
            }
            var monthName = PriceReviewArchive.MonthName(month);
            var lines = reviews.OrderBy(v => named.GetValueOrDefault(v.CategoryId), StringComparer.CurrentCulture)
                .Select(v => "• " + named.GetValueOrDefault(v.CategoryId, "") + ": " + url + "/price-reviews/" + v.Id);
            var body = string.Join("\n\n", text["Hello {0},", r.FirstName], text["The price reviews for {0} are ready:", monthName],
                string.Join("\n", lines), text["All reviews: {0}", url + "/price-reviews"], site.Value.OperatorName);
            outbox.Email(r.Id, r.Email, text["Price reviews for {0}", monthName], body);
        }
    }
}

/// <summary>How many monthly reviews an on-demand run made (ANL-02).</summary>
public sealed record ReviewsGenerated(int Created);

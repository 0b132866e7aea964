namespace Tradehall.Web.Pages.Analytics;

/// <summary>ANL-02: the archive of price reviews by month and category for subscribers; others see what it offers with a teaser chart.</summary>
public sealed class ReviewsModel(PriceReviewArchive reviews, Entitlements entitlements) : TradehallPageModel
{
    public bool Subscriber { get; private set; }
    public IReadOnlyList<IGrouping<string, PriceReviewEntry>> Months { get; private set; } = [];
    public PriceTeaser? Teaser { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Subscriber = User.Identity?.IsAuthenticated == true
            && await entitlements.HasActiveAsync(User.MemberId(), ServiceCatalog.PriceReview, cancellationToken);
        if (Subscriber)
        {
            Months = [.. (await reviews.ListAsync(User.MemberId(), cancellationToken)).GroupBy(r => r.Month)];
        }
        else
        {
            Teaser = await reviews.TeaserAsync(cancellationToken);
        }
    }
}

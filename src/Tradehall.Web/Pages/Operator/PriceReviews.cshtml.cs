using Tradehall.Core.Analytics;

namespace Tradehall.Web.Pages.Operator;

/// <summary>
/// ANL-02: the operator sees which months the price-review archive holds, fills in every missing month with one button
/// (so subscribers who join later read past months) and makes one ended month's reviews — the handlers of
/// <c>POST /api/v1/operator/price-reviews</c>, without a token.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class PriceReviewsModel(PriceReviews reviews, IOptions<AnalyticsOptions> options) : TradehallPageModel
{
    [BindProperty] public string? Month { get; set; }

    public IReadOnlyList<ArchiveMonth> Archive { get; private set; } = [];
    public int ArchiveMonths => options.Value.ReviewArchiveMonths;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Month = reviews.LastEndedMonth().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Archive = await reviews.ArchiveMonthsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostFillAsync(CancellationToken cancellationToken)
    {
        var fill = await reviews.FillArchiveAsync(cancellationToken);
        Notice(fill.Made == 0 && fill.Remade == 0
            ? L["The archive was complete; nothing to make."]
            : L["Reviews made: {0}. Older reviews made again per unit: {1}.", fill.Made, fill.Remade]);
        return LocalRedirect("/operator/price-reviews");
    }

    public async Task<IActionResult> OnPostMonthAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var made = 0;
        if (!await TryAsync(async () => made = await reviews.GenerateOnDemandAsync(new GenerateReviewsRequest(Month), cancellationToken), nameof(Month)))
        {
            Archive = await reviews.ArchiveMonthsAsync(cancellationToken);
            return Page();
        }
        Notice(made == 0 ? L["No reviews were made for {0}: they exist already or the month had no listings.", Month!.Trim()] : L["Reviews made for {0}: {1}.", Month!.Trim(), made]);
        return LocalRedirect("/operator/price-reviews");
    }
}

namespace Tradehall.Web.Pages.Analytics;

/// <summary>ANL-02: one price review as a page, a section per unit, and its PDF; price-review subscribers only.</summary>
public sealed class ReviewModel(PriceReviewArchive reviews) : TradehallPageModel
{
    public PriceReviewView Review { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        Review = await reviews.ViewAsync(User.MemberId(), id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        var (content, fileName) = await reviews.PdfAsync(User.MemberId(), id, cancellationToken);
        return File(content, "application/pdf", fileName);
    }
}

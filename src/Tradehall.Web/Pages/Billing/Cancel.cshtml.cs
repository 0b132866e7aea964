namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// BIL-15, BIL-16: "Cancel now" asks first. The page shows what stops, what comes back to the balance and what does not,
/// worked out by the cancellation's own rule, and stops the service only when confirmed; "Keep the service" changes nothing.
/// </summary>
[Authorize]
public sealed class CancelModel(Cancellation cancellation, Idempotency idempotency, Formats formats, IOptions<BillingOptions> billing) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public CancelQuote? Quote { get; private set; }

    /// <summary>One key per rendered page, so a repeated click cancels, and refunds, once (BIL-23).</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Quote = await cancellation.QuoteAsync(User.MemberId(), Id, CultureInfo.CurrentUICulture.Name, cancellationToken);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (DomainException e)
        {
            ShowErrors(e);
        }
        return Page();
    }

    /// <summary>The confirmation: the same handler and idempotency as <c>POST /api/v1/billing/services/{id}/cancel</c> with <c>immediately</c>.</summary>
    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        var memberId = User.MemberId();
        var request = new CancelRequest(Immediately: true);
        CancelResult? result = null;
        if (await TryAsync(async () =>
            {
                result = (await idempotency.RunAsync(cancellation.CancelCall(memberId, Id, request), key, cancellationToken)).Read<CancelResult>();
            }))
        {
            Notice(result is { Refunded: > 0 } done
                ? L["The service has stopped. {0} is back on the balance.", formats.Money(done.Refunded, billing.Value.Currency)]
                : L["The service has stopped. Nothing was refunded."]);
            return LocalRedirect("/billing#services-title");
        }
        try
        {
            Quote = await cancellation.QuoteAsync(memberId, Id, CultureInfo.CurrentUICulture.Name, cancellationToken);
        }
        catch (DomainException)
        {
            // The refusal above already says why the service cannot be cancelled.
        }
        return Page();
    }
}

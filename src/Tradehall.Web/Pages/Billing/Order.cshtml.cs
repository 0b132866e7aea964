namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// BIL-07: the step between "Order" and the charge. It shows what is ordered, the price, the period it pays for and the
/// balance after, and charges only when confirmed. A balance that falls short names the shortfall and issues an invoice
/// for exactly that amount in one click (BIL-05). Reaching this page changes nothing; leaving it changes nothing.
/// </summary>
[Authorize]
public sealed class OrderModel(Ordering ordering, Idempotency idempotency, InvoiceService invoices, BillingAccounts accounts) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? TariffId { get; set; }
    [BindProperty(SupportsGet = true)] public bool AutoRenew { get; set; }

    /// <summary>The invoice just issued for the shortfall, shown with a link to its PDF.</summary>
    [BindProperty(SupportsGet = true)] public Guid? InvoiceId { get; set; }

    public OrderQuote? Quote { get; private set; }
    public InvoiceView? Issued { get; private set; }

    /// <summary>The order was refused for want of legal data: the page offers the way to enter it.</summary>
    public bool NeedsLegalData { get; private set; }

    public TopUpDetails? TopUp { get; private set; }

    /// <summary>One key per rendered page, so a repeated click or a resubmitted page orders, or invoices, once (BIL-23).</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The confirmation: the same handler and idempotency as <c>POST /api/v1/billing/services</c>.</summary>
    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        var memberId = User.MemberId();
        var request = new OrderRequest(TariffId, AutoRenew);
        if (await TryAsync(() => idempotency.RunAsync(ordering.OrderCall(memberId, request), key, cancellationToken)))
        {
            Notice(L["The service is ordered and the first period is paid."]);
            return LocalRedirect("/billing#services-title");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>BIL-05: an invoice for exactly what the balance lacks, worked out here rather than taken from the form.</summary>
    public async Task<IActionResult> OnPostInvoiceAsync(string? key, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Quote is not { Shortfall: > 0 } quote)
        {
            // The balance covers the order by now: the page offers the confirmation instead.
            return Page();
        }
        var memberId = User.MemberId();
        var request = new InvoiceRequest(quote.Shortfall);
        IdempotentAnswer? answer = null;
        if (await TryAsync(async () => answer = await idempotency.RunAsync(invoices.IssueCall(memberId, request), key, cancellationToken)))
        {
            var issued = answer!.Read<IssuedInvoice>();
            return LocalRedirect(Url.Page("/Billing/Order", new { TariffId, AutoRenew, InvoiceId = issued.Id })!);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var memberId = User.MemberId();
        try
        {
            Quote = await ordering.QuoteAsync(memberId, TariffId, CultureInfo.CurrentUICulture.Name, cancellationToken);
        }
        catch (DomainException e)
        {
            NeedsLegalData = e.Code == "billing.legal_data_required";
            // A refused confirmation has said why already; the summary's own refusal would repeat it.
            if (ModelState.IsValid)
            {
                ShowErrors(e);
            }
        }
        if (Quote is { Shortfall: > 0 })
        {
            TopUp = new TopUpDetails((await accounts.ForMemberAsync(memberId, cancellationToken))?.Number ?? "", User.Identity?.Name ?? "");
            if (InvoiceId is { } id)
            {
                Issued = (await invoices.ListAsync(memberId, cancellationToken)).FirstOrDefault(i => i.Id == id);
            }
        }
    }
}

using Tradehall.Core.Billing.Forecasts;
using Tradehall.Core.Billing.Run;
using Tradehall.Core.Documents.Statements;

namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// BIL-01, BIL-03, BIL-05, BIL-07, BIL-10, BIL-21, BIL-22: the personal account — balance, forecast and what is suspended, how to top up,
/// invoices, services, statement. Ordering and cancelling at once go through their confirmation pages (Order, Cancel).
/// </summary>
[Authorize]
public sealed class IndexModel(BillingAccounts accounts, Statements statements, ServiceCatalog catalog, Ordering ordering, Cancellation cancellation, TariffSwitch tariffSwitch, Pausing pausing,
    Idempotency idempotency, InvoiceService invoices, IOptions<DocumentsOptions> documents, Forecast forecasts, Suspensions suspensions, SubscriberLegalData legal,
    StatementExport export, TimeProvider time, IOptions<TradehallOptions> site, IOptions<BillingOptions> billing,
    Core.Billing.Contract.ContractTerm contracts, Core.Billing.Credit.Debts debts, Core.Billing.TopUps.NonResidentCap nonResidentCap, TariffAnnouncements announcements)
    : TradehallPageModel
{
    /// <summary>BIL-19: the payment cap, what is used and what remains; shown to non-residents only.</summary>
    public Core.Billing.TopUps.CapView? Cap { get; private set; }

    /// <summary>BIL-14: the tariff changes announced to the subscriber; those still open to objection are shown first on the page.</summary>
    public IReadOnlyList<TariffChangeView> TariffChanges { get; private set; } = [];

    /// <summary>BIL-12, BIL-13, BIL-25: the contract's term, any notice, and the credit with its open debt invoices.</summary>
    public ContractPanel? ContractPanel { get; private set; }

    /// <summary>BIL-25: the subscriber confirms that the contract is to end with its term.</summary>
    [BindProperty] public bool NoticeConfirmed { get; set; }

    public AccountView? Account { get; private set; }
    public ForecastView? Forecast { get; private set; }

    /// <summary>BIL-10: the suspended services and what resumes them; null when nothing is suspended.</summary>
    public SuspensionView? Suspension { get; private set; }

    /// <summary>BIL-07: ordering needs legal data; the page says so only while it is missing.</summary>
    public bool LegalDataSaved { get; private set; }

    /// <summary>BIL-21: the statement of the chosen days, and its balance line; null while the chosen days are not valid.</summary>
    public StatementPeriod? Statement { get; private set; }
    public BalanceChart? Chart { get; private set; }

    /// <summary>The statement's days as <c>YYYY-MM-DD</c> (the value of a date input); the current month by default.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public int WarningDays => billing.Value.ForecastWarningDays;
    public IReadOnlyList<CatalogKind> Catalog { get; private set; } = [];
    public IReadOnlyList<ServiceView> Services { get; private set; } = [];
    public IReadOnlyList<InvoiceView> Invoices { get; private set; } = [];

    /// <summary>The amount of a requested invoice, as typed: a comma or a point before the kopecks.</summary>
    [BindProperty] public string? Amount { get; set; }

    public int PaymentTermDays => documents.Value.InvoicePaymentTermDays;

    /// <summary>One key per rendered page, so a repeated click or a resubmitted page stops renewal once (BIL-23).</summary>
    public string OrderKey { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Account is null ? NotFound() : Page();
    }

    /// <summary>BIL-21: the chosen days as CSV, by the same handler as the API.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => DownloadAsync(StatementExport.Csv, cancellationToken);

    /// <summary>BIL-21: the chosen days as PDF, in the language of the page.</summary>
    public Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) => DownloadAsync(StatementExport.Pdf, cancellationToken);

    private async Task<IActionResult> DownloadAsync(string format, CancellationToken cancellationToken)
    {
        try
        {
            // The page's language is the one the visitor reads, so the PDF follows it.
            var file = await export.ExportAsync(User.MemberId(), From, To, format, languageChosen: true, cancellationToken);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            ShowErrors(e, nameof(From), nameof(To));
            await LoadAsync(cancellationToken, statement: false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>BIL-15: stop renewal; the service works to the end of the paid period. Stopping at once asks first, on the Cancel page.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? key, CancellationToken cancellationToken)
    {
        var memberId = User.MemberId();
        var request = new CancelRequest(Immediately: false);
        return await BackAsync(() => idempotency.RunAsync(cancellation.CancelCall(memberId, id, request), key, cancellationToken),
            L["The service will not renew. It works until the end of the paid period."], "", cancellationToken);
    }

    /// <summary>BIL-20: the price of a period of the tariff at the pause tariff.</summary>
    public decimal PausePrice(Guid tariffId) =>
        Catalog.SelectMany(k => k.Tariffs).FirstOrDefault(t => t.Id == tariffId) is { } tariff
            ? Money.ToAmount(Pausing.PausePrice(Money.ToMinor(tariff.Price) ?? 0, billing.Value.PausePricePercent)) : 0;

    /// <summary>BIL-20: the same call as <c>POST /api/v1/billing/services/{id}/pause</c>.</summary>
    public Task<IActionResult> OnPostPauseAsync(Guid id, string? key, CancellationToken cancellationToken) =>
        PausingAsync(pausing.PauseCall(User.MemberId(), id), key, L["The service is paused."], cancellationToken);

    /// <summary>BIL-20: the same call as <c>POST /api/v1/billing/services/{id}/resume</c>.</summary>
    public Task<IActionResult> OnPostResumeAsync(Guid id, string? key, CancellationToken cancellationToken) =>
        PausingAsync(pausing.ResumeCall(User.MemberId(), id), key, L["The service is active again."], cancellationToken);

    private Task<IActionResult> PausingAsync(IdempotentCall call, string? key, string done, CancellationToken cancellationToken) =>
        BackAsync(() => idempotency.RunAsync(call, key, cancellationToken), done, "", cancellationToken);

    /// <summary>BIL-15: the chosen tariff takes over at the next renewal.</summary>
    public Task<IActionResult> OnPostSwitchAsync(Guid id, Guid tariffId, CancellationToken cancellationToken) =>
        BackAsync(() => tariffSwitch.SwitchAsync(User.MemberId(), id, new SwitchRequest(tariffId), cancellationToken),
            L["The new tariff takes effect at the next period."], "", cancellationToken);

    /// <summary>BIL-25: the same handler as <c>POST /api/v1/billing/contract/notice</c>, once the subscriber confirmed it.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken cancellationToken)
    {
        var unconfirmed = new FieldErrors();
        if (!NoticeConfirmed)
        {
            unconfirmed.Add("noticeConfirmed", L["Confirm that the contract is to end with its term."]);
        }
        return await BackAsync(() =>
            {
                unconfirmed.ThrowIfAny();
                return contracts.GiveNoticeAsync(User.MemberId(), cancellationToken);
            }, L["Your notice of non-extension is recorded. The contract ends with its current term."], "#contract-title", cancellationToken,
            nameof(NoticeConfirmed));
    }

    public async Task<IActionResult> OnPostInvoiceAsync(CancellationToken cancellationToken)
    {
        var unreadable = new FieldErrors();
        var amount = Amounts.Number(Amount, CultureInfo.CurrentCulture).Or(unreadable, "amount", "Enter the amount as a number, for example 1500.50.");
        if (unreadable.Any)
        {
            ShowErrors(unreadable.ToException(), nameof(Amount));
            await LoadAsync(cancellationToken);
            return Page();
        }
        IssuedInvoice? issued = null;
        return await SubmitAsync(async () => issued = await invoices.IssueAsync(User.MemberId(), new InvoiceRequest(amount), cancellationToken),
            () => L["Invoice {0} is issued. Download it from the list of invoices.", issued!.Number], "/billing#invoices-title",
            () => LoadAsync(cancellationToken), nameof(Amount));
    }

    /// <summary>Each step on this page comes back to it, at <paramref name="anchor"/>, or shows it again with the refusal.</summary>
    private Task<IActionResult> BackAsync(Func<Task> action, string done, string anchor, CancellationToken cancellationToken, params string[] fields) =>
        SubmitAsync(action, done, "/billing" + anchor, () => LoadAsync(cancellationToken), fields);

    /// <summary>The same stored PDF as the API serves, for the signed-in member who owns it.</summary>
    public async Task<IActionResult> OnGetInvoicePdfAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var pdf = await invoices.PdfAsync(User.MemberId(), id, cancellationToken);
            return File(pdf.Content, "application/pdf", pdf.FileName);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool statement = true)
    {
        var memberId = User.MemberId();
        if (await accounts.ForMemberAsync(memberId, cancellationToken) is null)
        {
            return;
        }
        Account = await accounts.ViewAsync(memberId, cancellationToken);
        Forecast = await forecasts.ForMemberAsync(memberId, cancellationToken);
        Suspension = await suspensions.ForMemberAsync(memberId, CultureInfo.CurrentUICulture.Name, cancellationToken);
        LegalDataSaved = await legal.IsCompleteAsync(memberId, cancellationToken);
        Cap = await nonResidentCap.ViewAsync(memberId, cancellationToken);
        if (statement)
        {
            await LoadStatementAsync(memberId, cancellationToken);
        }
        Catalog = await catalog.ListAsync(CultureInfo.CurrentUICulture.Name, cancellationToken);
        Services = await ordering.ListAsync(memberId, cancellationToken);
        TariffChanges = await announcements.ListAsync(memberId, CultureInfo.CurrentUICulture.Name, cancellationToken);
        Invoices = await invoices.ListAsync(memberId, cancellationToken);
        ContractPanel = new ContractPanel(await contracts.ViewAsync(memberId, cancellationToken), await debts.ViewAsync(memberId, cancellationToken),
            billing.Value.NonExtensionNoticeDays, time.Today(site.Value.Zone));
    }

    private async Task LoadStatementAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To))
        {
            var today = time.Today(site.Value.Zone);
            var first = new DateOnly(today.Year, today.Month, 1);
            From = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = first.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var errors = new FieldErrors();
        var from = StatementExport.ParseDay(From, nameof(From), errors);
        var to = StatementExport.ParseDay(To, nameof(To), errors);
        try
        {
            errors.ThrowIfAny();
            Statement = await statements.PeriodAsync(memberId, from!.Value, to!.Value, cancellationToken);
            Chart = BalanceChart.For(Statement, time.UtcNow());
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            ShowErrors(e, nameof(From), nameof(To));
        }
    }
}

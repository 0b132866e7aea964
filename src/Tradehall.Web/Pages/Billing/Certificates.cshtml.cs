using Tradehall.Core.Documents.Certificates;
using Tradehall.Core.Documents.Reissues;

namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// DOC-01, DOC-03: the subscriber's acceptance certificates — accept, or object with reasons before the window ends — and
/// re-issued copies of past documents, with the fee shown on the button that confirms it. The same handlers as the API.
/// </summary>
[Authorize]
public sealed class CertificatesModel(
    CertificateService certificates, InvoiceService invoices, ReissueService reissues, Idempotency idempotency, IOptions<DocumentsOptions> options,
    IOptions<BillingOptions> billing) : TradehallPageModel
{
    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];
    public IReadOnlyList<InvoiceView> Invoices { get; private set; } = [];
    public IReadOnlyList<ReissuedDocument> Copies { get; private set; } = [];

    public int AutoAcceptDays => options.Value.CertificateAutoAcceptDays;
    public decimal Fee => options.Value.ReissueFee;
    public string Currency => billing.Value.Currency;

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<Guid> DocumentIds { get; set; } = [];

    /// <summary>The certificate whose objection was refused, so its form opens again with the reasons typed.</summary>
    public Guid? FailedObjection { get; private set; }

    /// <summary>One key per rendered page, so a repeated click re-issues, and charges, once (BIL-23).</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => certificates.AcceptAsync(User.MemberId(), id, cancellationToken),
            L["The certificate is accepted."], "/billing/certificates", () => LoadAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostObjectAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => certificates.ObjectAsync(User.MemberId(), id, new ObjectionRequest(Reason), cancellationToken),
            L["Your objection is recorded. The operator will answer it."], "/billing/certificates", () =>
            {
                // Every row has a reason field: the message belongs beside this row's.
                if (MoveErrorsToRow(nameof(Reason), ReasonId(id)))
                {
                    FailedObjection = id;
                }
                return LoadAsync(cancellationToken);
            }, nameof(Reason));
    }

    /// <summary>The same call, key and fee as <c>POST /api/v1/billing/documents/reissue</c>.</summary>
    public async Task<IActionResult> OnPostReissueAsync(string? key, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var call = reissues.ReissueCall(User.MemberId(), new ReissueRequest(DocumentIds));
        return await SubmitAsync(() => idempotency.RunAsync(call, key, cancellationToken),
            L["The copies are ready below."], "/billing/certificates#copies-title", () => LoadAsync(cancellationToken), nameof(DocumentIds));
    }

    public Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken) => FileAsync(async () =>
    {
        var file = await certificates.PdfAsync(User.MemberId(), id, cancellationToken);
        return (file.Content, file.FileName);
    });

    public Task<IActionResult> OnGetCopyAsync(Guid id, CancellationToken cancellationToken) => FileAsync(async () =>
    {
        var file = await reissues.PdfAsync(User.MemberId(), id, cancellationToken);
        return (file.Content, file.FileName);
    });

    private async Task<IActionResult> FileAsync(Func<Task<(byte[] Content, string FileName)>> read)
    {
        try
        {
            var (content, name) = await read();
            return File(content, "application/pdf", name);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var memberId = User.MemberId();
        Certificates = await certificates.ListAsync(memberId, cancellationToken);
        Invoices = await invoices.ListAsync(memberId, cancellationToken);
        Copies = await reissues.ListAsync(memberId, cancellationToken);
    }
}

using Tradehall.Core.Documents.Certificates;
using Tradehall.Core.Documents.Reissues;

namespace Tradehall.Web.Pages.Operator;

/// <summary>
/// DOC-01: certificates subscribers objected to, with their reasons; DOC-03: where the operator was at fault, the
/// certificate is re-issued free of charge, the reason archived.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class CertificatesModel(CertificateService certificates, ReissueService reissues, Idempotency idempotency) : TradehallPageModel
{
    public IReadOnlyList<ObjectionView> Objected { get; private set; } = [];

    [BindProperty] public string? Reason { get; set; }

    /// <summary>One key per rendered page, so a repeated click makes one set of copies.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public async Task OnGetAsync(CancellationToken cancellationToken) => Objected = await certificates.ObjectedAsync(cancellationToken);

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var pdf = await certificates.OperatorPdfAsync(id, cancellationToken);
            return File(pdf.Content, "application/pdf", pdf.FileName);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostReissueAsync(Guid id, string? key, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var call = reissues.FreeReissueCall(User.MemberId(), new OperatorReissueRequest([id], Reason));
        return await SubmitAsync(() => idempotency.RunAsync(call, key, cancellationToken),
            L["A copy is re-issued free of charge and is in the subscriber's personal account."], "/operator/certificates", () =>
            {
                // Every row has a reason field: the message belongs beside this row's.
                MoveErrorsToRow(nameof(Reason), ReasonId(id));
                return OnGetAsync(cancellationToken);
            }, nameof(Reason));
    }
}

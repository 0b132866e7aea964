using Tradehall.Core.Billing;
using Tradehall.Core.Documents.Reissues;

namespace Tradehall.Core.Documents.Certificates;

/// <summary>DOC-01 and DOC-03 routes (§15.2): a subscriber's own certificates and copies; the operator's objections and free re-issues.</summary>
internal static class CertificateEndpoints
{
    public static void MapCertificates(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1/billing").WithTags("Billing").RequireScope(ApiScopes.Billing);
        member.MapGet("/certificates", (HttpContext http, CertificateService service, CancellationToken ct) => service.ListAsync(http.User.MemberId(), ct));
        member.MapGet("/certificates/{id:guid}/pdf", async (Guid id, HttpContext http, CertificateService service, CancellationToken ct) =>
        {
            var pdf = await service.PdfAsync(http.User.MemberId(), id, ct);
            return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
        });
        member.MapPost("/certificates/{id:guid}/accept", (Guid id, HttpContext http, CertificateService service, CancellationToken ct) =>
            service.AcceptAsync(http.User.MemberId(), id, ct)).ProducesProblem(StatusCodes.Status409Conflict);
        member.MapPost("/certificates/{id:guid}/object", (Guid id, ObjectionRequest request, HttpContext http, CertificateService service, CancellationToken ct) =>
            service.ObjectAsync(http.User.MemberId(), id, request, ct)).ProducesProblem(StatusCodes.Status409Conflict);

        member.MapPost("/documents/reissue", (ReissueRequest request, HttpContext http, ReissueService service) => service.ReissueCall(http.User.MemberId(), request))
            .Idempotent<ReissueResult>(StatusCodes.Status201Created, refusals: StatusCodes.Status402PaymentRequired);
        member.MapGet("/documents/copies", (HttpContext http, ReissueService service, CancellationToken ct) => service.ListAsync(http.User.MemberId(), ct));
        member.MapGet("/documents/copies/{id:guid}/pdf", async (Guid id, HttpContext http, ReissueService service, CancellationToken ct) =>
        {
            var pdf = await service.PdfAsync(http.User.MemberId(), id, ct);
            return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
        });

        var operators = app.MapGroup("/api/v1/operator").WithTags("Operator").RequireOperator();
        operators.MapGet("/certificates/objected", (CertificateService service, CancellationToken ct) => service.ObjectedAsync(ct));
        operators.MapGet("/certificates/{id:guid}/pdf", async (Guid id, CertificateService service, CancellationToken ct) =>
        {
            var pdf = await service.OperatorPdfAsync(id, ct);
            return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
        });
        // The operator's fault moves no money: the key is optional, and a replay answers the same set.
        operators.MapPost("/documents/reissue", (OperatorReissueRequest request, HttpContext http, ReissueService service) =>
            service.FreeReissueCall(http.User.MemberId(), request))
            .Idempotent<ReissueResult>(StatusCodes.Status201Created, keyRequired: false);
    }
}

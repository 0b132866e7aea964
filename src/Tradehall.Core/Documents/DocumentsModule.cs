using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Tradehall.Core.Billing;
using Tradehall.Core.Documents.Certificates;
using Tradehall.Core.Documents.Invoices;
using Tradehall.Core.Documents.Statements;

namespace Tradehall.Core.Documents;

public static class DocumentsModule
{
    public static void AddDocuments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<DocumentsOptions>(DocumentsOptions.SectionName);
        services.AddScoped<InvoiceService>();
        services.AddScoped<IDomainEventSubscriber<DebtInvoiceDue>>(sp => sp.GetRequiredService<InvoiceService>());
        services.AddScoped<InvoicePayments>();
        services.AddScoped<IPaymentClues>(sp => sp.GetRequiredService<InvoicePayments>());
        services.AddScoped<IDomainEventSubscriber<PaymentReceived>>(sp => sp.GetRequiredService<InvoicePayments>());
        services.AddScoped<StatementExport>();
        services.AddScoped<Refunds.RefundPaymentOrders>();
        services.AddScoped<Certificates.CertificateNotices>();
        services.AddScoped<Certificates.CertificateService>();
        services.AddScoped<IBillingRunStep, Certificates.CertificateRun>();
        services.AddScoped<Reissues.ReissueService>();
        services.AddScoped<IPersonalDataSource, DocumentPersonalData>();
    }

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/api/v1/billing/invoices").WithTags("Billing").RequireScope(ApiScopes.Billing);
        // BIL-05 issues a document, not money: the key is optional, and a replay answers the same invoice.
        invoices.MapPost("/", (InvoiceRequest request, HttpContext http, InvoiceService service) => service.IssueCall(http.User.MemberId(), request))
            .Idempotent<IssuedInvoice>(StatusCodes.Status201Created, keyRequired: false, refusals: StatusCodes.Status404NotFound);
        invoices.MapGet("/", (HttpContext http, InvoiceService service, CancellationToken ct) => service.ListAsync(http.User.MemberId(), ct));
        invoices.MapGet("/{id:guid}/pdf", async (Guid id, HttpContext http, InvoiceService service, CancellationToken ct) =>
        {
            var pdf = await service.PdfAsync(http.User.MemberId(), id, ct);
            return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
        });

        // BIL-21: only the caller's own account; the dates are days of the operator's time zone.
        app.MapGet("/api/v1/billing/statement", async (HttpContext http, StatementExport export, string? from, string? to, string? format, CancellationToken ct) =>
        {
            // A language the client asked for (query, cookie, Accept-Language) wins over the member's own.
            var chosen = http.Features.Get<IRequestCultureFeature>()?.Provider is not null;
            var file = await export.ExportAsync(http.User.MemberId(), from, to, format, chosen, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithTags("Billing").RequireScope(ApiScopes.Billing);

        // BIL-17: the refunds due, as payment orders for the bank client.
        app.MapGet("/api/v1/operator/refunds/payment-orders", async (Refunds.RefundPaymentOrders orders, CancellationToken ct) =>
        {
            var file = await orders.ExportAsync(ct);
            return TypedResults.File(file.Content, Refunds.RefundPaymentOrders.ContentType, file.FileName);
        }).WithTags("Operator").RequireOperator();
        app.MapCertificates();
    }
}

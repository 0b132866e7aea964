using Tradehall.Core.Documents.Certificates;
using Tradehall.Core.Documents.Invoices;

namespace Tradehall.Core.Documents;

/// <summary>PRV-03: the documents' part of a member's export — their invoices and acceptance certificates, listed and as PDFs.</summary>
internal sealed class DocumentPersonalData(InvoiceService invoices, CertificateService certificates) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var invoiceList = await invoices.ListAsync(memberId, cancellationToken);
        var certificateList = await certificates.ListAsync(memberId, cancellationToken);
        var files = invoiceList.Select(i => PersonalDataFile.Bytes($"invoices/{i.Number}.pdf",
                async ct => (await invoices.PdfAsync(memberId, i.Id, ct)).Content))
            .Concat(certificateList.Select(c => PersonalDataFile.Bytes($"certificates/{c.Number}.pdf",
                async ct => (await certificates.PdfAsync(memberId, c.Id, ct)).Content)))
            .ToList();
        return new PersonalDataSection("documents", new Dictionary<string, object?>
        {
            ["invoices"] = invoiceList,
            ["certificates"] = certificateList,
        }, files);
    }
}

using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Accounts;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Documents.Invoices;

public sealed record InvoiceRequest([property: Required(ErrorMessage = "Enter the amount.")] decimal? Amount);

public sealed record IssuedInvoice(Guid Id, string Number, decimal Amount, string PdfUrl);

/// <summary><c>status</c>: <c>unpaid</c>, <c>partlyPaid</c> or <c>paid</c>; <c>paidAt</c> is when payments reached the amount.</summary>
[ModuleApi]
public sealed record InvoiceView(Guid Id, string Number, decimal Amount, string Currency, DateTime IssuedAt, DateOnly DueOn, string PdfUrl,
    string Status, decimal PaidAmount, DateTime? PaidAt);

public sealed record InvoiceFile(byte[] Content, string FileName);

/// <summary>BIL-05, DOC-02: invoices for any amount, numbered without gaps per year, as PDF; BIL-13: the invoice of a debt made on credit.</summary>
[ModuleApi]
public sealed class InvoiceService(
    AppDbContext db, BillingAccounts accounts, SubscriberLegalData legal, EvidenceArchive archive, TimeProvider time,
    IOptions<BillingOptions> billing, IOptions<DocumentsOptions> documents, IOptions<TradehallOptions> site) : IDomainEventSubscriber<DebtInvoiceDue>
{
    public static string PdfUrl(Guid id) => $"/api/v1/billing/invoices/{id}/pdf";

    /// <summary>BIL-23: issuing as both doors run it, once per key.</summary>
    public IdempotentCall IssueCall(Guid memberId, InvoiceRequest request) =>
        IdempotentCall.OfMember(memberId, new { invoice = request }, StatusCodes.Status201Created, token => IssueAsync(memberId, request, token));

    /// <summary>Runs in the caller's transaction when there is one (the idempotency scope), else in its own.</summary>
    public async Task<IssuedInvoice> IssueAsync(Guid memberId, InvoiceRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(request);
        var minor = CheckAmount(request.Amount, errors);
        errors.ThrowIfAny();
        var account = await accounts.SummaryAsync(memberId, cancellationToken)
            ?? throw DomainException.NotFound("billing.no_account", "This member has no personal account.");
        var today = time.Today(site.Value.Zone);
        var invoice = await db.InTransactionAsync(() => IssueInTransactionAsync(memberId, account.Number, minor, today.AddDays(documents.Value.InvoicePaymentTermDays),
            InvoicePdf.TopUp, cancellationToken), cancellationToken);
        return new IssuedInvoice(invoice.Id, invoice.Number, Money.ToAmount(minor), PdfUrl(invoice.Id));
    }

    /// <summary>BIL-13: the invoice of a debt made on credit, due when the debt is; issued in the charging transaction.</summary>
    public Task HandleAsync(DebtInvoiceDue debt, CancellationToken cancellationToken) =>
        IssueInTransactionAsync(debt.MemberId, debt.AccountNumber, debt.Amount, debt.DueOn,
            InvoicePdf.Debt, cancellationToken);

    private async Task<Invoice> IssueInTransactionAsync(Guid memberId, string accountNumber, long minor, DateOnly dueOn, InvoicePdf.Item item,
        CancellationToken cancellationToken)
    {
        var payer = await PayerAsync(memberId, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var number = await DocumentNumbers.NextAsync(db, "invoice", "", today.Year, cancellationToken);
        var invoice = new Invoice
        {
            Number = number,
            MemberId = memberId,
            AccountNumber = accountNumber,
            PayerName = payer.Name,
            Amount = minor,
            Currency = billing.Value.Currency,
            IssuedAt = time.UtcNow(),
            DueOn = dueOn,
            Purpose = $"{item.English} {accountNumber}, invoice {number}. No VAT.",
            Pdf = [],
        };
        invoice.Pdf = InvoicePdf.Render(invoice, payer, today, documents.Value, item);
        db.Set<Invoice>().Add(invoice);
        archive.Record("documents.invoice_issued", $"invoice:{number}", memberId, onBehalfOfId: memberId,
            after: new { id = invoice.Id, number, accountNumber, amount = Money.ToAmount(minor), currency = invoice.Currency, dueOn });
        await db.SaveChangesAsync(cancellationToken);
        return invoice;
    }

    public async Task<IReadOnlyList<InvoiceView>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Invoice>().AsNoTracking().Where(i => i.MemberId == memberId)
            .Select(i => new { i.Id, i.Number, i.Amount, i.Currency, i.IssuedAt, i.DueOn, i.PaidAmount, i.PaidAt })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Number, StringComparer.Ordinal)
            .Select(i => new InvoiceView(i.Id, i.Number, Money.ToAmount(i.Amount), i.Currency, i.IssuedAt, i.DueOn, PdfUrl(i.Id),
                i.PaidAt is not null ? "paid" : i.PaidAmount > 0 ? "partlyPaid" : "unpaid", Money.ToAmount(i.PaidAmount), i.PaidAt))
            .ToList();
    }

    /// <summary>Only the member the invoice was issued to may fetch it; to anyone else it does not exist.</summary>
    public async Task<InvoiceFile> PdfAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == id && i.MemberId == memberId)
            .Select(i => new { i.Number, i.Pdf })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("documents.invoice_not_found", "There is no such invoice.");
        return new InvoiceFile(row.Pdf, $"invoice-{row.Number}.pdf");
    }

    /// <summary>The payer as documents name them: the legal data's name, or else the member's own name.</summary>
    internal async Task<InvoicePayer> PayerAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (await legal.InvoicePayerAsync(memberId, cancellationToken) is { } payer && !string.IsNullOrWhiteSpace(payer.Name))
        {
            return payer;
        }
        var member = await new MemberLookup(db).FindAsync(memberId, cancellationToken);
        return new InvoicePayer(member?.FullName.Trim() ?? "", null, null, null);
    }

    private long CheckAmount(decimal? amount, FieldErrors errors)
    {
        if (errors.Has("amount") || amount is not { } value)
        {
            return 0;
        }
        if (value <= 0)
        {
            errors.Add("amount", "The amount must be greater than zero.");
        }
        else if (Money.ToMinor(value) is not { } minor)
        {
            errors.Add("amount", "The amount may have at most two decimal places.");
        }
        else if (value > billing.Value.MaxPayment)
        {
            errors.Add("amount", $"The amount may not exceed {billing.Value.MaxPayment:0.00}.");
        }
        else
        {
            return minor;
        }
        return 0;
    }
}

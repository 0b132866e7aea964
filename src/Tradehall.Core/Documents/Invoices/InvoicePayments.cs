using System.Text.RegularExpressions;
using Tradehall.Core.Billing;
using Tradehall.Core.Billing.BankStatements;
using Tradehall.Core.Legal;

namespace Tradehall.Core.Documents.Invoices;

/// <summary>
/// BIL-03, BIL-05: an invoice and the money paying it. The bank import asks which account a payment quoting an
/// invoice is for; when money reaches an account, the invoices it pays are marked — those its purpose quotes, or
/// else the oldest open one of exactly that amount.
/// </summary>
internal sealed partial class InvoicePayments(AppDbContext db, SubscriberLegalData legal, EvidenceArchive archive, TimeProvider time)
    : IPaymentClues, IDomainEventSubscriber<PaymentReceived>
{
    /// <summary>How many open invoices of the paid amount are checked against the payer's INN; more means the amount says nothing.</summary>
    private const int PayerCandidates = 20;

    public async Task<IReadOnlyList<PaymentClue>> FindAsync(BankDocument document, CancellationToken cancellationToken)
    {
        var numbers = Quoted(document.Purpose);
        if (numbers.Count > 0)
        {
            var quoted = await db.Set<Invoice>().AsNoTracking().Where(i => numbers.Contains(i.Number)).Select(i => i.AccountNumber).ToListAsync(cancellationToken);
            if (quoted.Count > 0)
            {
                return [.. quoted.Distinct().Select(a => new PaymentClue(a, Quoted: true))];
            }
        }
        if (string.IsNullOrEmpty(document.PayerInn))
        {
            return [];
        }
        // Nothing quoted: an open invoice of exactly this amount, paid from its subscriber's own INN, is a strong match.
        var open = await db.Set<Invoice>().AsNoTracking().Where(i => i.PaidAt == null && i.Amount - i.PaidAmount == document.Amount)
            .OrderByDescending(i => i.IssuedAt).Select(i => new { i.MemberId, i.AccountNumber }).Take(PayerCandidates + 1).ToListAsync(cancellationToken);
        if (open.Count > PayerCandidates)
        {
            return [];
        }
        var clues = new List<PaymentClue>();
        foreach (var invoice in open.DistinctBy(i => i.MemberId))
        {
            if (await legal.HasInnAsync(invoice.MemberId, document.PayerInn, cancellationToken))
            {
                clues.Add(new PaymentClue(invoice.AccountNumber, Quoted: false));
            }
        }
        return clues;
    }

    /// <summary>Runs in the crediting transaction; the update adds to what is paid in the row, so parallel payments both count.</summary>
    public async Task HandleAsync(PaymentReceived payment, CancellationToken cancellationToken)
    {
        var open = await db.Set<Invoice>().AsNoTracking().Where(i => i.MemberId == payment.MemberId && i.PaidAt == null)
            .Select(i => new { i.Id, i.Number, i.Amount, i.PaidAmount, i.IssuedAt }).ToListAsync(cancellationToken);
        var numbers = Quoted(payment.Purpose);
        var paid = open.Where(o => numbers.Contains(o.Number)).OrderBy(o => o.IssuedAt).ToList();
        if (paid.Count == 0 && open.Where(o => o.Amount - o.PaidAmount == payment.Amount).MinBy(o => o.IssuedAt) is { } exact)
        {
            paid.Add(exact);
        }
        var left = payment.Amount;
        var now = time.UtcNow();
        foreach (var invoice in paid)
        {
            var share = Math.Min(left, invoice.Amount - invoice.PaidAmount);
            if (share <= 0)
            {
                break;
            }
            left -= share;
            await db.Set<Invoice>().Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.PaidAmount, i => i.PaidAmount + share)
                .SetProperty(i => i.PaidAt, i => i.PaidAmount + share >= i.Amount ? now : (DateTime?)null), cancellationToken);
            archive.Record("documents.invoice_paid", $"invoice:{invoice.Number}", null, onBehalfOfId: payment.MemberId,
                after: new { paid = Money.ToAmount(invoice.PaidAmount + share), amount = Money.ToAmount(invoice.Amount), transaction = payment.TransactionId });
        }
    }

    private static List<string> Quoted(string? purpose) =>
        purpose is null ? [] : [.. InvoiceNumberPattern().Matches(purpose).Select(m => m.Value).Distinct()];

    /// <summary>DOC-02 numbers: the year, a dash and six digits.</summary>
    [GeneratedRegex(@"(?<!\d)\d{4}-\d{6}(?!\d)")]
    private static partial Regex InvoiceNumberPattern();
}

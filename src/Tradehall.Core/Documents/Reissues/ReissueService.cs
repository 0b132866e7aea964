using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Ledger;
using Tradehall.Core.Documents.Certificates;
using Tradehall.Core.Documents.Invoices;

namespace Tradehall.Core.Documents.Reissues;

public sealed record ReissueRequest(IReadOnlyList<Guid>? DocumentIds);

public sealed record OperatorReissueRequest(IReadOnlyList<Guid>? DocumentIds, string? Reason);

/// <summary>A re-issued copy: <c>kind</c> is <c>invoice</c> or <c>certificate</c>; <c>originalId</c> the document it copies.</summary>
public sealed record ReissuedDocument(Guid Id, Guid OriginalId, string Kind, string Number, DateTime At, string PdfUrl);

/// <summary>DOC-03: the set re-issued and the fee charged for it (zero when the operator was at fault).</summary>
public sealed record ReissueResult(Guid Id, decimal Fee, string Currency, IReadOnlyList<ReissuedDocument> Documents);

public sealed record ReissuedFile(byte[] Content, string FileName);

/// <summary>
/// DOC-03, BIL-18: copies of a subscriber's past invoices and certificates, marked as re-issued. The subscriber pays
/// <see cref="DocumentsOptions.ReissueFee"/> once per set, in the same transaction as the copies; the operator re-issues
/// free of charge, with the reason archived, when the fault was the operator's.
/// </summary>
public sealed class ReissueService(
    AppDbContext db, Fees fees, EvidenceArchive archive, TimeProvider time, IStringLocalizer<SharedResource> text, IOptions<DocumentsOptions> options, IOptions<BillingOptions> billing,
    IOptions<TradehallOptions> site)
{
    public const int MaxDocuments = 50;

    public static string PdfUrl(Guid id) => $"/api/v1/billing/documents/copies/{id}/pdf";

    /// <summary>BIL-23: the set and its fee once per key; a replay answers the same set and charges nothing.</summary>
    public IdempotentCall ReissueCall(Guid memberId, ReissueRequest request) =>
        IdempotentCall.OfMember(memberId, new { reissue = request }, StatusCodes.Status201Created, token => ReissueAsync(memberId, request, token));

    public IdempotentCall FreeReissueCall(Guid operatorId, OperatorReissueRequest request) =>
        IdempotentCall.OfOperator(operatorId, new { reissue = request }, StatusCodes.Status201Created, token => ReissueFreeAsync(operatorId, request, token));

    /// <summary>The fee a subscriber pays for one set, in minor units.</summary>
    public long Fee => Money.ToMinor(options.Value.ReissueFee) ?? 0;

    public async Task<ReissueResult> ReissueAsync(Guid memberId, ReissueRequest request, CancellationToken cancellationToken)
    {
        var ids = Check(request.DocumentIds);
        var originals = await OriginalsAsync(ids, memberId, cancellationToken);
        return await CreateAsync(memberId, originals, Fee, null, null, cancellationToken);
    }

    public async Task<ReissueResult> ReissueFreeAsync(Guid operatorId, OperatorReissueRequest request, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReissueConfiguration.ReasonLength)
        {
            throw DomainException.Field("request.invalid", "reason", text["Say how the operator was at fault (1 to {0} characters).", ReissueConfiguration.ReasonLength]);
        }
        var originals = await OriginalsAsync(Check(request.DocumentIds), null, cancellationToken);
        if (originals.Select(o => o.MemberId).Distinct().Count() > 1)
        {
            throw DomainException.Field("request.invalid", "documentIds", "One set holds the documents of one subscriber.");
        }
        return await CreateAsync(originals[0].MemberId, originals, 0, operatorId, reason, cancellationToken);
    }

    public async Task<IReadOnlyList<ReissuedDocument>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ReissuedCopy>().AsNoTracking().Where(c => c.MemberId == memberId)
            .Select(c => new { c.Id, c.OriginalId, c.Kind, c.Number, c.At }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(c => c.At).Select(c => new ReissuedDocument(c.Id, c.OriginalId, c.Kind, c.Number, DateTime.SpecifyKind(c.At, DateTimeKind.Utc), PdfUrl(c.Id)))];
    }

    public async Task<ReissuedFile> PdfAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<ReissuedCopy>().AsNoTracking().Where(c => c.Id == id && c.MemberId == memberId).Select(c => new { c.Kind, c.Number, c.Pdf })
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("documents.copy_not_found", "There is no such document.");
        return new ReissuedFile(row.Pdf, $"{row.Kind}-{row.Number}-copy.pdf");
    }

    private List<Guid> Check(IReadOnlyList<Guid>? documentIds)
    {
        var ids = documentIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0 || ids.Count > MaxDocuments)
        {
            throw DomainException.Field("request.invalid", "documentIds", text["Choose 1 to {0} documents to re-issue.", MaxDocuments]);
        }
        return ids;
    }

    private sealed record Original(Guid Id, Guid MemberId, string Kind, string Number, byte[] Pdf);

    /// <summary>The invoices and certificates named, of <paramref name="memberId"/> when given; any other id is refused by name.</summary>
    private async Task<List<Original>> OriginalsAsync(List<Guid> ids, Guid? memberId, CancellationToken cancellationToken)
    {
        var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => ids.Contains(i.Id) && (memberId == null || i.MemberId == memberId))
            .Select(i => new Original(i.Id, i.MemberId, "invoice", i.Number, i.Pdf)).ToListAsync(cancellationToken);
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => ids.Contains(c.Id) && (memberId == null || c.MemberId == memberId))
            .Select(c => new Original(c.Id, c.MemberId, "certificate", c.Number, c.Pdf)).ToListAsync(cancellationToken);
        var found = invoices.Concat(certificates).ToList();
        if (found.Count != ids.Count)
        {
            throw DomainException.Field("request.invalid", "documentIds", "Some of these are not invoices or certificates of this personal account.");
        }
        return [.. found.OrderBy(o => ids.IndexOf(o.Id))];
    }

    private Task<ReissueResult> CreateAsync(Guid memberId, List<Original> originals, long fee, Guid? operatorId, string? reason, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var now = time.UtcNow();
            var today = time.Today(site.Value.Zone);
            var reissue = new Reissue { MemberId = memberId, At = now, Fee = fee, Currency = billing.Value.Currency, OperatorId = operatorId, Reason = reason };
            reissue.Copies.AddRange(originals.Select(o => new ReissuedCopy
            {
                ReissueId = reissue.Id, MemberId = memberId, Kind = o.Kind, OriginalId = o.Id, Number = o.Number, At = now, Pdf = ReissueStamp.Apply(o.Pdf, today),
            }));
            db.Set<Reissue>().Add(reissue);
            var numbers = originals.Select(o => o.Number).ToList();
            if (fee > 0)
            {
                await fees.ChargeReissueAsync(memberId, reissue.Id, fee, numbers, cancellationToken);
            }
            archive.Record("documents.reissued", $"reissue:{reissue.Id}", operatorId ?? memberId, onBehalfOfId: memberId,
                after: new { documents = numbers, fee = Money.ToAmount(fee), currency = reissue.Currency, atOperatorsFault = operatorId is not null, reason });
            await db.SaveChangesAsync(cancellationToken);
            return new ReissueResult(reissue.Id, Money.ToAmount(fee), reissue.Currency,
                [.. reissue.Copies.Select(c => new ReissuedDocument(c.Id, c.OriginalId, c.Kind, c.Number, now, PdfUrl(c.Id)))]);
        }, cancellationToken);
}

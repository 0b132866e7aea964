namespace Tradehall.Core.Documents.Certificates;

/// <summary>
/// DOC-01 as §15.2 answers it. <c>status</c>: <c>published</c>, <c>accepted</c>, <c>objected</c> or <c>autoAccepted</c>;
/// <c>periodTo</c> is the period's last day; <c>objectionEndsOn</c> the last day an objection is taken.
/// </summary>
public sealed record CertificateView(Guid Id, string Number, DateOnly PeriodFrom, DateOnly PeriodTo, decimal Amount, string Currency, string Status,
    string PdfUrl, DateOnly PublishedOn, DateOnly ObjectionEndsOn, DateTime? DecidedAt, string? ObjectionReason);

public sealed record ObjectionRequest(string? Reason);

/// <summary>DOC-01: an objection as the operator's console lists it.</summary>
public sealed record ObjectionView(Guid Id, string Number, string AccountNumber, DateOnly PeriodFrom, DateOnly PeriodTo, decimal Amount, string Currency,
    DateTime ObjectedAt, string Reason, string PdfUrl);

public sealed record CertificateFile(byte[] Content, string FileName);

/// <summary>DOC-01: a subscriber reads, accepts and objects to their certificates; the operator reads the objections.</summary>
public sealed class CertificateService(
    AppDbContext db, CertificateNotices notices, EvidenceArchive archive, TimeProvider time, IStringLocalizer<SharedResource> text, IOptions<TradehallOptions> site)
{
    public const int ObjectedShown = 500;

    public static string PdfUrl(Guid id) => $"/api/v1/billing/certificates/{id}/pdf";

    public async Task<IReadOnlyList<CertificateView>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Certificate>().AsNoTracking().Where(c => c.MemberId == memberId).OrderByDescending(c => c.PeriodFrom).ToListAsync(cancellationToken);
        return [.. rows.Select(View)];
    }

    /// <summary>Only the subscriber the certificate was issued to may read it; to anyone else it does not exist.</summary>
    public async Task<CertificateFile> PdfAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<Certificate>().AsNoTracking().Where(c => c.Id == id && c.MemberId == memberId).Select(c => new { c.Number, c.Pdf })
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound();
        return new CertificateFile(row.Pdf, $"certificate-{row.Number}.pdf");
    }

    /// <summary>A published certificate, or one the subscriber objected to and now accepts after all.</summary>
    public async Task<CertificateView> AcceptAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var certificate = await OwnAsync(memberId, id, cancellationToken);
        if (certificate.Status is CertificateStatus.Accepted or CertificateStatus.AutoAccepted)
        {
            throw new DomainException("documents.certificate_accepted", "This certificate is already accepted.", StatusCodes.Status409Conflict);
        }
        certificate.Status = CertificateStatus.Accepted;
        certificate.DecidedAt = time.UtcNow();
        archive.Record("documents.certificate_accepted", $"certificate:{certificate.Number}", memberId, onBehalfOfId: memberId, after: new { status = "accepted" });
        await db.SaveChangesAsync(cancellationToken);
        return View(certificate);
    }

    /// <summary>DOC-01: a motivated objection, within the window, to a certificate not yet decided.</summary>
    public async Task<CertificateView> ObjectAsync(Guid memberId, Guid id, ObjectionRequest request, CancellationToken cancellationToken)
    {
        var reason = WrittenReason.Objection(request.Reason, CertificateConfiguration.ReasonLength, text);
        var certificate = await OwnAsync(memberId, id, cancellationToken);
        if (certificate.Status != CertificateStatus.Published)
        {
            throw new DomainException("documents.certificate_decided", "This certificate is already accepted or objected to.", StatusCodes.Status409Conflict);
        }
        if (time.Today(site.Value.Zone) > notices.ObjectionEndsOn(certificate))
        {
            throw new DomainException("documents.objection_window_closed",
                text["Objections to this certificate were taken until {0}.", notices.ObjectionEndsOn(certificate).LongDay()], StatusCodes.Status409Conflict);
        }
        certificate.Status = CertificateStatus.Objected;
        certificate.DecidedAt = time.UtcNow();
        certificate.ObjectionReason = reason;
        archive.Record("documents.certificate_objected", $"certificate:{certificate.Number}", memberId, onBehalfOfId: memberId,
            after: new { status = "objected", reason });
        await db.SaveChangesAsync(cancellationToken);
        return View(certificate);
    }

    /// <summary>The operator's queue: objections, oldest first.</summary>
    public async Task<IReadOnlyList<ObjectionView>> ObjectedAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Certificate>().AsNoTracking().Where(c => c.Status == CertificateStatus.Objected)
            .OrderBy(c => c.DecidedAt).Take(ObjectedShown).ToListAsync(cancellationToken);
        return [.. rows.Select(c => new ObjectionView(c.Id, c.Number, c.AccountNumber, c.PeriodFrom, c.PeriodTo, Money.ToAmount(c.Amount), c.Currency,
            DateTime.SpecifyKind(c.DecidedAt!.Value, DateTimeKind.Utc), c.ObjectionReason!, OperatorPdfUrl(c.Id)))];
    }

    public static string OperatorPdfUrl(Guid id) => $"/api/v1/operator/certificates/{id}/pdf";

    /// <summary>The operator reads any certificate, to answer an objection.</summary>
    public async Task<CertificateFile> OperatorPdfAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<Certificate>().AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Pdf, c.Number })
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound();
        return new CertificateFile(row.Pdf, $"certificate-{row.Number}.pdf");
    }

    private async Task<Certificate> OwnAsync(Guid memberId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Certificate>().FirstOrDefaultAsync(c => c.Id == id && c.MemberId == memberId, cancellationToken) ?? throw NotFound();

    private static DomainException NotFound() => DomainException.NotFound("documents.certificate_not_found", "There is no such certificate.");

    private CertificateView View(Certificate c) =>
        new(c.Id, c.Number, c.PeriodFrom, c.PeriodTo, Money.ToAmount(c.Amount), c.Currency, Status(c.Status), PdfUrl(c.Id), c.PublishedOn,
            notices.ObjectionEndsOn(c), c.DecidedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, c.ObjectionReason);

    private static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Accepted => "accepted",
        CertificateStatus.Objected => "objected",
        CertificateStatus.AutoAccepted => "autoAccepted",
        _ => "published",
    };
}

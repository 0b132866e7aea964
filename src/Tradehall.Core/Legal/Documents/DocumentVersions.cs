using System.Text.RegularExpressions;

namespace Tradehall.Core.Legal.Documents;

/// <summary>
/// OPS-06: a new version. <c>text</c> is the English Markdown and <c>textRu</c> the Russian (without it Russian readers get
/// the English); a title left out is the text's first "# " heading, or the kind's name.
/// </summary>
public sealed record PublishDocumentRequest(string? Kind, string? Version, string? Text, DateOnly? EffectiveFrom,
    string? Title = null, string? TextRu = null, string? TitleRu = null);

/// <summary>OPS-06: a version as the public list shows it; <c>url</c> is its public page.</summary>
public sealed record DocumentEntry(DocumentKind Kind, string Version, DateOnly EffectiveFrom, string Url);

/// <summary>Where a version stands today.</summary>
public enum VersionState
{
    Past = 1,
    Current = 2,
    Announced = 3,
}

/// <summary>A version as the pages list it; <see cref="Accepted"/> counts the members who accepted it.</summary>
public sealed record VersionRow(Guid Id, DocumentKind Kind, string Version, DateOnly EffectiveFrom, DateTime PublishedAt,
    VersionState State, int Accepted, bool NoticesDone);

/// <summary>OPS-06: the versions of the Terms, the Privacy Policy and the offer — listed, shown and published.</summary>
public sealed partial class DocumentVersions(AppDbContext db, TimeProvider time, IOptions<LegalOptions> options, IOptions<TradehallOptions> site,
    EvidenceArchive archive, IStringLocalizer<SharedResource> text)
{
    public const int TextLength = 200_000;
    public const int TitleLength = 200;
    public const int VersionLength = 32;

    /// <summary>The version in force of each kind and every announced one, for the public list.</summary>
    public async Task<IReadOnlyList<DocumentEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await VersionsAsync(null, cancellationToken);
        var publicUrl = site.Value.PublicUrl.TrimEnd('/');
        return [.. rows.Where(r => r.State != VersionState.Past)
            .Select(r => new DocumentEntry(r.Kind, r.Version, r.EffectiveFrom, publicUrl + DocumentKinds.Path(r.Kind, r.Version)))];
    }

    /// <summary>Every version of <paramref name="kind"/> (of all kinds when null) by kind and effective date, with how many accepted it.</summary>
    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(DocumentKind? kind, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var rows = await db.Set<LegalDocument>().AsNoTracking().Where(d => kind == null || d.Kind == kind)
            .OrderBy(d => d.Kind).ThenBy(d => d.EffectiveFrom)
            .Select(d => new
            {
                d.Id, d.Kind, d.Version, d.EffectiveFrom, d.PublishedAt, d.NoticesDoneAt,
                Accepted = db.Set<DocumentAcceptance>().Count(a => a.DocumentId == d.Id),
            })
            .ToListAsync(cancellationToken);
        var current = rows.Where(r => r.EffectiveFrom <= now).GroupBy(r => r.Kind).Select(g => g.Last().Id).ToHashSet();
        var zone = site.Value.Zone;
        return [.. rows.Select(r => new VersionRow(r.Id, r.Kind, r.Version, DocumentKinds.Day(r.EffectiveFrom, zone), r.PublishedAt,
            current.Contains(r.Id) ? VersionState.Current : r.EffectiveFrom > now ? VersionState.Announced : VersionState.Past,
            r.Accepted, r.NoticesDoneAt != null))];
    }

    /// <summary>One version of <paramref name="kind"/>, or the one in force when <paramref name="version"/> is null.</summary>
    public Task<LegalDocument?> FindAsync(DocumentKind kind, string? version, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var query = db.Set<LegalDocument>().AsNoTracking().Where(d => d.Kind == kind);
        return version is null
            ? query.Where(d => d.EffectiveFrom <= now).OrderByDescending(d => d.EffectiveFrom).FirstOrDefaultAsync(cancellationToken)
            : query.FirstOrDefaultAsync(d => d.Version == version, cancellationToken);
    }

    /// <summary>
    /// Publishes a version: the Terms and the Privacy Policy take effect <see cref="LegalOptions.TermsEffectiveAfterDays"/> days
    /// after today at the earliest, the offer after <see cref="LegalOptions.OfferNoticeDays"/> days' notice. Every member is
    /// then told by <see cref="DocumentNotices"/>, in batches.
    /// </summary>
    public async Task<DocumentEntry> PublishAsync(Guid operatorId, PublishDocumentRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = DocumentKinds.Parse(request.Kind);
        if (kind is null)
        {
            errors.Add(nameof(request.Kind), "Choose terms, privacy or offer.");
        }
        var version = request.Version?.Trim() ?? "";
        if (!VersionPattern().IsMatch(version))
        {
            errors.Add(nameof(request.Version), "Enter a version of up to 32 letters, digits, dots and hyphens, for example 2.0.");
        }
        var body = request.Text?.Trim() ?? "";
        var bodyRu = string.IsNullOrWhiteSpace(request.TextRu) ? null : request.TextRu.Trim();
        CheckText(errors, nameof(request.Text), body, required: true);
        CheckText(errors, nameof(request.TextRu), bodyRu, required: false);
        var zone = site.Value.Zone;
        if (request.EffectiveFrom is not { } from)
        {
            errors.Add(nameof(request.EffectiveFrom), "Enter the day the version takes effect.");
        }
        else if (kind is { } k && from < EarliestDay(k))
        {
            errors.Add(nameof(request.EffectiveFrom), k == DocumentKind.Offer
                ? "A new offer needs the full notice period before it takes effect; choose a later day."
                : "A new version cannot take effect this soon after publication; choose a later day.");
        }
        if (kind is { } kindOf && request.EffectiveFrom is { } day && !errors.Has(nameof(request.EffectiveFrom)))
        {
            var latest = await db.Set<LegalDocument>().Where(d => d.Kind == kindOf).MaxAsync(d => (DateTime?)d.EffectiveFrom, cancellationToken);
            if (latest is { } last && DocumentKinds.Start(day, zone) <= last)
            {
                errors.Add(nameof(request.EffectiveFrom), "Another version takes effect on that day or later; choose a later day.");
            }
        }
        var title = Title(request.Title, body, kind, "en", errors, nameof(request.Title));
        var titleRu = Title(request.TitleRu, bodyRu ?? body, kind, "ru", errors, nameof(request.TitleRu));
        errors.ThrowIfAny("legal.document_invalid", "The document version is not valid.");

        var document = new LegalDocument
        {
            Kind = kind!.Value,
            Version = version,
            EffectiveFrom = DocumentKinds.Start(request.EffectiveFrom!.Value, zone),
            PublishedAt = time.UtcNow(),
            PublishedBy = operatorId,
            TitleEn = title,
            BodyEn = body,
            TitleRu = titleRu,
            BodyRu = bodyRu ?? body,
        };
        if (await db.Set<LegalDocument>().AnyAsync(d => d.Kind == document.Kind && d.Version == version, cancellationToken))
        {
            throw Duplicate();
        }
        db.Set<LegalDocument>().Add(document);
        archive.Record("legal.document_published", $"legal-document:{DocumentKinds.Slug(document.Kind)}:{version}", operatorId,
            after: new { Kind = DocumentKinds.Slug(document.Kind), document.Version, EffectiveFrom = request.EffectiveFrom, document.TitleEn, document.TitleRu });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "legal_documents"))
        {
            throw Duplicate();
        }
        return new DocumentEntry(document.Kind, version, request.EffectiveFrom!.Value, site.Value.PublicUrl.TrimEnd('/') + DocumentKinds.Path(document.Kind, version));
    }

    /// <summary>The first day a version of <paramref name="kind"/> published today may take effect.</summary>
    public DateOnly EarliestDay(DocumentKind kind) =>
        time.Today(site.Value.Zone).AddDays(kind == DocumentKind.Offer ? options.Value.OfferNoticeDays : options.Value.TermsEffectiveAfterDays);

    private static void CheckText(FieldErrors errors, string field, string? value, bool required)
    {
        if (required && string.IsNullOrEmpty(value))
        {
            errors.Add(field, "Enter the text of the document.");
        }
        else if (value is { Length: > TextLength })
        {
            errors.Add(field, "The text may be at most 200,000 characters long.");
        }
    }

    private string Title(string? given, string body, DocumentKind? kind, string language, FieldErrors errors, string field)
    {
        var title = given?.Trim() is { Length: > 0 } t ? t
            : body.StartsWith("# ", StringComparison.Ordinal) ? body.Split('\n', 2)[0][2..].Trim()
            : kind is { } k ? Localized(DocumentKinds.Name(k), language) : "";
        if (title.Length > TitleLength)
        {
            errors.Add(field, "A title may be at most 200 characters long.");
        }
        return title;
    }

    private string Localized(string english, string language)
    {
        using var _ = CultureScope.Use(language);
        return text[english];
    }

    private static DomainException Duplicate() =>
        DomainException.Conflict("legal.version_exists", "version", "This version of the document is already published.");

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$")]
    private static partial Regex VersionPattern();
}

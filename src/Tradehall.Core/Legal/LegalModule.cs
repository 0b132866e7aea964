using System.Reflection;
using Markdig;
using Tradehall.Core.Legal.Documents;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Core.Legal;

public static class LegalModule
{
    public static void AddLegal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<LegalOptions>(LegalOptions.SectionName);
        services.AddScoped<LegalDocuments>();
        services.AddScoped<IRegistrationConsents>(sp => sp.GetRequiredService<LegalDocuments>());
        services.AddSingleton<SensitiveText>();
        services.AddScoped<SaveLegalData>();
        services.AddScoped<ShowLegalData>();
        services.AddScoped<SubscriberLegalData>();
        services.AddScoped<DocumentVersions>();
        services.AddScoped<DocumentAcceptances>();
        services.AddScoped<IPersonalDataSource, LegalPersonalData>();
        services.AddScoped<DocumentNotices>();
        services.AddHostedService<DocumentNoticeWorker>();
    }

    /// <summary>KYC-01..05: the member's own legal data. No route takes a member id: each member reaches only their own (SEC-05).</summary>
    public static void MapLegal(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1").WithTags("Legal data").RequireScope(ApiScopes.Account);
        member.MapGet("/me/legal", (HttpContext http, ShowLegalData show, CancellationToken ct) =>
            show.HandleAsync(http.User.MemberId(), ct));
        member.MapPut("/me/legal", (SaveLegalDataRequest request, HttpContext http, SaveLegalData save, CancellationToken ct) =>
            save.HandleAsync(http.User.MemberId(), request, ct));
        member.MapGet("/me/legal/history", (HttpContext http, ShowLegalData show, CancellationToken ct) =>
            show.HistoryAsync(http.User.MemberId(), ct));
        member.MapGet("/me/consents", (HttpContext http, DocumentAcceptances acceptances, CancellationToken ct) =>
            acceptances.HistoryAsync(http.User.MemberId(), ct));

        // OPS-06: the versions in force and announced, for everyone; a new version, for the operator.
        app.MapGet("/api/v1/legal/documents", (DocumentVersions versions, CancellationToken ct) => versions.ListAsync(ct))
            .WithTags("Legal documents").Public();
        app.MapPost("/api/v1/operator/legal/documents", async (PublishDocumentRequest request, HttpContext http, DocumentVersions versions, CancellationToken ct) =>
            {
                var entry = await versions.PublishAsync(http.User.MemberId(), request, ct);
                return TypedResults.Created(entry.Url, entry);
            })
            .WithTags("Operator").RequireOperator();
    }

    /// <summary>Markdown of operator documents, rendered without raw HTML (SEC-07).</summary>
    public static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    /// <summary>
    /// Publishes version 1.0 of the Terms, the Privacy Policy and the offer when none exists, so registration can start.
    /// The first offer is the Terms' own offer part (sections 1, 3, 4 and 8), in force since the Terms are, so members who
    /// accepted the Terms are not asked again (OPS-06). Nobody is told of the shipped versions.
    /// </summary>
    public static async Task EnsurePublishedAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow();
        var terms = await db.Set<LegalDocument>().Where(d => d.Kind == DocumentKind.Terms).OrderBy(d => d.EffectiveFrom)
            .Select(d => (DateTime?)d.EffectiveFrom).FirstOrDefaultAsync(cancellationToken) ?? now;
        foreach (var kind in DocumentKinds.All)
        {
            if (await db.Set<LegalDocument>().AnyAsync(d => d.Kind == kind, cancellationToken))
            {
                continue;
            }
            var (titleEn, bodyEn) = Seed(kind, "en");
            var (titleRu, bodyRu) = Seed(kind, "ru");
            db.Set<LegalDocument>().Add(new LegalDocument
            {
                Kind = kind,
                Version = "1.0",
                EffectiveFrom = kind == DocumentKind.Offer ? terms : now,
                PublishedAt = now,
                NoticesDoneAt = now,
                TitleEn = titleEn,
                BodyEn = bodyEn,
                TitleRu = titleRu,
                BodyRu = bodyRu,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly int[] OfferSections = [1, 3, 4, 8];

    private static (string Title, string Body) Seed(DocumentKind kind, string language)
    {
        var text = Read($"{DocumentKinds.Slug(kind)}.{language}.md");
        if (kind == DocumentKind.Offer)
        {
            text = DocumentSections.Excerpt(text, Read($"terms.{language}.md"), OfferSections);
        }
        return (text.Split('\n', 2)[0].TrimStart('#', ' ').Trim(), text);
    }

    private static string Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}

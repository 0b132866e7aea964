using System.Reflection;
using Markdig;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tradehall.Core.Accounts;
using Tradehall.Core.Accounts.Tokens;
using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Core.Legal;

public static class LegalModule
{
    public static void AddLegal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LegalOptions>().BindConfiguration(LegalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LegalDocuments>();
        services.AddScoped<IRegistrationConsents>(sp => sp.GetRequiredService<LegalDocuments>());
        services.AddSingleton<SensitiveText>();
        services.AddScoped<SaveLegalData>();
        services.AddScoped<ShowLegalData>();
        services.AddScoped<SubscriberLegalData>();
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
    }

    /// <summary>Markdown of operator documents, rendered without raw HTML (SEC-07).</summary>
    public static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    /// <summary>Publishes version 1.0 of the Terms and the Privacy Policy when none exists, so registration can start.</summary>
    public static async Task EnsurePublishedAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow();
        foreach (var (kind, file) in new[] { (DocumentKind.Terms, "terms"), (DocumentKind.Privacy, "privacy") })
        {
            if (await db.Set<LegalDocument>().AnyAsync(d => d.Kind == kind, cancellationToken))
            {
                continue;
            }
            var (titleEn, bodyEn) = Read($"{file}.en.md");
            var (titleRu, bodyRu) = Read($"{file}.ru.md");
            db.Set<LegalDocument>().Add(new LegalDocument
            {
                Kind = kind,
                Version = "1.0",
                EffectiveFrom = now,
                PublishedAt = now,
                TitleEn = titleEn,
                BodyEn = bodyEn,
                TitleRu = titleRu,
                BodyRu = bodyRu,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (string Title, string Body) Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var text = reader.ReadToEnd();
        var firstLine = text.Split('\n', 2)[0];
        return (firstLine.TrimStart('#', ' ').Trim(), text);
    }
}

using Microsoft.AspNetCore.Html;
using Tradehall.Core.Legal.Documents;

namespace Tradehall.Web.Pages.Legal;

/// <summary>
/// OPS-06, PRV-02: the Terms, the Privacy Policy or the offer in the visitor's language — the version in force, or the
/// one named — with every version and its effective date.
/// </summary>
public sealed class DocumentModel(DocumentVersions versions, TimeProvider time) : TradehallPageModel
{
    public LegalDocument? Document { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public VersionRow? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string? version, CancellationToken cancellationToken)
    {
        Kind = DocumentKinds.Parse(kind)!.Value;
        Document = await versions.FindAsync(Kind, version, cancellationToken);
        if (Document is null)
        {
            return NotFound();
        }
        Versions = await versions.VersionsAsync(Kind, cancellationToken);
        Shown = Versions.First(v => v.Id == Document.Id);
        var culture = CultureInfo.CurrentUICulture.Name;
        Title = Document.Title(culture);
        // SEC-07: the pipeline renders Markdown without raw HTML.
        var text = Document.Body(culture);
        if (text.StartsWith("# ", StringComparison.Ordinal))
        {
            // The first line is the title, shown as the page heading.
            text = text.Split('\n', 2) is [_, var rest] ? rest : "";
        }
        Body = new HtmlString(Markdig.Markdown.ToHtml(text, LegalModule.Markdown));
        return Page();
    }

    public bool InFuture => Document!.EffectiveFrom > time.GetUtcNow().UtcDateTime;
}

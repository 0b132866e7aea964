using System.Globalization;
using Microsoft.AspNetCore.Html;
using Tradehall.Core.Legal;

namespace Tradehall.Web.Pages.Legal;

/// <summary>OPS-06, PRV-02: the Terms and the Privacy Policy in force, in the visitor's language.</summary>
public sealed class DocumentModel(LegalDocuments documents) : TradehallPageModel
{
    public LegalDocument? Document { get; private set; }
    public string Title { get; private set; } = "";
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        var which = kind == "privacy" ? DocumentKind.Privacy : DocumentKind.Terms;
        Document = await documents.CurrentAsync(which, cancellationToken);
        if (Document is null)
        {
            return NotFound();
        }
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
}

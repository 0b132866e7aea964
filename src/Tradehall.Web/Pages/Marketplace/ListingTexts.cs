using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>RUN-07, SEC-07: how listings read on pages — type and status names in the visitor's language, descriptions as inert HTML.</summary>
public static class ListingTexts
{
    /// <summary>No raw HTML; the same pipeline every listing description goes through.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static string TypeName(IStringLocalizer L, ListingType type) => type == ListingType.Offer ? L["Offer"] : L["Request"];

    public static string StatusName(IStringLocalizer L, ListingStatus status) => status switch
    {
        ListingStatus.Active => L["Active"],
        ListingStatus.Expired => L["Expired"],
        ListingStatus.Withdrawn => L["Withdrawn"],
        _ => L["Blocked"],
    };

    /// <summary>
    /// MKT-01, SEC-07: Markdown without raw HTML. Links lead only to web and mail addresses and carry
    /// <c>rel="nofollow ugc noopener"</c>; images become plain links, so a listing cannot make its readers load anything.
    /// </summary>
    public static HtmlString Description(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
            link.GetAttributes().AddProperty("rel", "nofollow ugc noopener");
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
            link.GetAttributes().AddProperty("rel", "nofollow ugc noopener");
        }
        return new HtmlString(document.ToHtml(Pipeline));
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
}

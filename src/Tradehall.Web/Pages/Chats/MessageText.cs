using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Tradehall.Web.Pages.Chats;

/// <summary>
/// MSG-01, SEC-07: a message as inert HTML. Everything is encoded (tags, Markdown and entities show as typed);
/// only http(s) addresses become links, which open without the site's referrer or window. Line breaks are kept
/// by the stylesheet (<c>white-space: pre-wrap</c>).
/// </summary>
public static partial class MessageText
{
    public static IHtmlContent Render(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match link in Link().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..link.Index]));
            var href = WebUtility.HtmlEncode(link.Value);
            html.Append("<a href=\"").Append(href).Append("\" rel=\"nofollow noopener noreferrer ugc\" target=\"_blank\">").Append(href).Append("</a>");
            at = link.Index + link.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[at..]));
        return new HtmlString(html.ToString());
    }

    // Up to the first space or quote; trailing punctuation stays outside the link.
    [GeneratedRegex(@"https?://[^\s<>""'`]+[^\s<>""'`.,;:!?)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}

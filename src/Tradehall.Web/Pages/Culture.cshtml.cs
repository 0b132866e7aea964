using Microsoft.AspNetCore.Localization;
using Tradehall.Web.Hosting;

namespace Tradehall.Web.Pages;

/// <summary>RUN-07: the language switcher. Remembers the choice in the culture cookie for a year.</summary>
public sealed class CultureModel(TimeProvider time) : TradehallPageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = Site.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = time.GetUtcNow().AddYears(1),
                    Secure = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                    Path = "/",
                });
        }
        return LocalRedirect(LocalOr(returnUrl));
    }
}

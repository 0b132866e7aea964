using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Tradehall.Web.Hosting;

public sealed class HostingOptions : IValidatableObject
{
    public const string SectionName = "Hosting";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For is believed (SEC-06).</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Largest JSON body the API reads; uploads have limits of their own.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxApiBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Whether <c>/api-docs</c> (the interactive page, whose CSP admits inline script) is served; unset: only in Development.</summary>
    public bool? ApiDocs { get; set; }

    /// <summary>The port plain-HTTP requests are redirected to outside Development (SEC-08).</summary>
    [Range(1, 65535)]
    public int HttpsPort { get; set; } = 443;

    /// <summary>How long browsers keep to HTTPS once told (HSTS max-age; ASVS asks for a year).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Whether HSTS covers the site's subdomains too.</summary>
    public bool HstsIncludeSubDomains { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TrustedProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"Hosting:TrustedProxies: '{p}' is not an IP address.", [nameof(TrustedProxies)]));
}

internal static class ApiBodyLimit
{
    /// <summary>Oversized API bodies are refused with 413 before anything reads them.</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Site.IsApi(http))
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.MaxApiBodyBytes;
            // A file upload is held to its endpoint's own limit, which routing applies after this point.
            if (http.Request.ContentLength > limit && !http.Request.HasFormContentType)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
        }
        await next();
    });
}

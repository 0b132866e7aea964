namespace Tradehall.Web.Hosting;

/// <summary>SEC-08: the response headers every page and API answer carries.</summary>
internal static class SecurityHeaders
{
    // connect-src 'self' also admits ws: and wss: to this host and port (CSP 3), which the live hub at /hubs/live uses.
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The interactive API page ships inline bootstrap code of its own.
    private const string ApiDocsPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var path = http.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/api-docs") ? ApiDocsPolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Account pages and API answers hold personal data: never cache them.
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/account") || path.StartsWithSegments("/settings") || path.StartsWithSegments("/operator"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}

using Microsoft.AspNetCore.HttpsPolicy;

namespace Tradehall.Web.Hosting;

/// <summary>
/// SEC-03, SEC-08: outside Development the site is reached over HTTPS only. Plain HTTP to a public host is
/// redirected (the Secure cookies of sign-in and antiforgery cannot work without TLS), HSTS pins HTTPS for a
/// year, and the interactive API page (whose CSP admits inline script) is served only when the operator asks.
/// </summary>
internal static class TransportSecurity
{
    public static void AddTransportSecurity(this WebApplicationBuilder builder)
    {
        // The server's name and version help no client and tell a prober what to try.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<HostingOptions>>((o, hosting) =>
        {
            o.MaxAge = hosting.Value.HstsMaxAge;
            o.IncludeSubDomains = hosting.Value.HstsIncludeSubDomains;
        });
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<HostingOptions>>((o, hosting) =>
        {
            o.HttpsPort = hosting.Value.HttpsPort;
            // 308 keeps the method and body of an API call; the client sends it again over TLS.
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
    }

    /// <summary>Runs after the forwarded headers, so a request that reached a trusted TLS proxy counts as HTTPS.</summary>
    public static void UseTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }
        // Loopback stays reachable over HTTP: a developer's browser and a probe on the node itself (as /health is).
        app.UseWhen(http => !http.Request.IsHttps && !LocalhostAntiforgery.IsLocalhost(http.Request.Host.Host)
            && !http.Request.Path.StartsWithSegments("/health"), plain => plain.UseHttpsRedirection());
        app.UseHsts();
    }

    public static bool ApiDocsEnabled(WebApplication app) =>
        app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.ApiDocs ?? app.Environment.IsDevelopment();
}

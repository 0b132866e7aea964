using Microsoft.AspNetCore.Antiforgery;

namespace Tradehall.Web.Hosting;

/// <summary>
/// SEC-03, SEC-04: the antiforgery cookie is always <c>__Host-</c> and Secure, and the framework refuses
/// to issue it over plain HTTP. Browsers treat http://localhost as a secure context and accept Secure
/// cookies there, so a developer's machine is let through; every other plain-HTTP host is still refused.
/// </summary>
internal sealed class LocalhostAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public static void Use(IServiceCollection services)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(descriptor);
        services.AddSingleton<IAntiforgery>(sp => new LocalhostAntiforgery(descriptor.ImplementationType is { } type
            ? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type)
            : (IAntiforgery)descriptor.ImplementationFactory!(sp)));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => AsSecure(httpContext, () => inner.GetAndStoreTokens(httpContext));

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => AsSecure(httpContext, () => inner.GetTokens(httpContext));

    public void SetCookieTokenAndHeader(HttpContext httpContext) => AsSecure(httpContext, () =>
    {
        inner.SetCookieTokenAndHeader(httpContext);
        return true;
    });

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        var scheme = Pretend(httpContext);
        try
        {
            return await inner.IsRequestValidAsync(httpContext);
        }
        finally
        {
            httpContext.Request.Scheme = scheme;
        }
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        var scheme = Pretend(httpContext);
        try
        {
            await inner.ValidateRequestAsync(httpContext);
        }
        finally
        {
            httpContext.Request.Scheme = scheme;
        }
    }

    private static T AsSecure<T>(HttpContext httpContext, Func<T> action)
    {
        var scheme = Pretend(httpContext);
        try
        {
            return action();
        }
        finally
        {
            httpContext.Request.Scheme = scheme;
        }
    }

    /// <summary>Marks a plain-HTTP localhost request as secure for the duration of the check; returns the real scheme.</summary>
    private static string Pretend(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var scheme = request.Scheme;
        if (!request.IsHttps && IsLocalhost(request.Host.Host))
        {
            request.Scheme = Uri.UriSchemeHttps;
        }
        return scheme;
    }

    internal static bool IsLocalhost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
}

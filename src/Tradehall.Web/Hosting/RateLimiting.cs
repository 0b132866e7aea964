using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace Tradehall.Web.Hosting;

/// <summary>SEC-06, MKT-07: how many requests a client address may make per window.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 100_000)]
    public int AuthPerMinute { get; set; } = 20;

    [Range(1, 100_000)]
    public int PhonePerMinute { get; set; } = 10;

    /// <summary>Every request of a client that is not signed in (anti-scraping).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerMinute { get; set; } = 600;

    /// <summary>MKT-07: searches (page or API) of a client address that is not signed in.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousSearchPerMinute { get; set; } = 60;

    /// <summary>MKT-07: searches of an address calling the API with a token; members signed in on the site are not limited here.</summary>
    [Range(1, 1_000_000)]
    public int TokenSearchPerMinute { get; set; } = 600;
}

internal static class RateLimiting
{
    public static void AddTradehallRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddRateLimiter(o =>
        {
            // SEC-06: refused requests get 429, never 503.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Reading a sign-in or code page costs nothing; submitting it is what is counted.
            o.AddPolicy(RateLimits.Auth, http => IsRead(http) ? Unlimited : PerAddress(http, RateLimits.Auth, Limits(http).AuthPerMinute));
            o.AddPolicy(RateLimits.Phone, http => IsRead(http) ? Unlimited : PerAddress(http, RateLimits.Phone, Limits(http).PhonePerMinute));
            o.AddPolicy(RateLimits.Search, http => http.User.Identity?.IsAuthenticated == true
                ? Unlimited
                : http.Request.Headers.Authorization.Count > 0
                    ? PerAddress(http, RateLimits.Search + ":token", Limits(http).TokenSearchPerMinute)
                    : PerAddress(http, RateLimits.Search, Limits(http).AnonymousSearchPerMinute));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity?.IsAuthenticated == true || http.Request.Headers.Authorization.Count > 0
                    ? RateLimitPartition.GetNoLimiter("members")
                    : PerAddress(http, "anonymous", Limits(http).AnonymousPerMinute));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                if (!Site.IsApi(http))
                {
                    // Pages: the status code page explains the 429 in the visitor's language.
                    return;
                }
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemHandler.Problem(StatusCodes.Status429TooManyRequests, "request.rate_limited",
                        $"Too many requests. Try again in {wait} seconds."),
                });
            };
        });
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static readonly RateLimitPartition<string> Unlimited = RateLimitPartition.GetNoLimiter("read");

    private static bool IsRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

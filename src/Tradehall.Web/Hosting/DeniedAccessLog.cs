using System.Security.Claims;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Tradehall.Web.Hosting;

/// <summary>SEC-09: every refused authorization is logged — who, what, from where — before the usual answer is sent.</summary>
internal sealed partial class DeniedAccessLog(ILogger<DeniedAccessLog> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            LogDenied(logger, context.Request.Method, context.Request.Path, authorizeResult.Forbidden ? "forbidden" : "unauthenticated",
                context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.Connection.RemoteIpAddress?.ToString());
        }
        await inner.HandleAsync(next, context, policy, authorizeResult);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied ({Outcome}) to {Method} {Path} for member {MemberId} from {Ip}")]
    private static partial void LogDenied(ILogger logger, string method, string path, string outcome, string? memberId, string? ip);
}

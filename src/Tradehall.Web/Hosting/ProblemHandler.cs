using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;

namespace Tradehall.Web.Hosting;

/// <summary>
/// The one place failures become RFC 9457 problem details with a stable <c>code</c>; exception
/// text never leaves the server.
/// </summary>
internal sealed partial class ProblemHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at /error; the failed address is kept in this feature.
        var path = new PathString(http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value);
        var status = StatusOf(exception);
        if (status is >= 400 and < 500)
        {
            LogRefused(logger, path.Value ?? "", exception is DomainException { Code: var code } ? code : "request.bad", status);
        }
        if (!Site.IsApi(path))
        {
            // Pages: the middleware re-executes /error with the status (and logs the failure unless it was expected).
            return false;
        }
        var problem = exception switch
        {
            DomainException e => FromDomain(http, e),
            BadHttpRequestException e => FromBadRequest(e),
            DbUpdateException e when DbErrors.IsUniqueViolation(e) => Problem(StatusCodes.Status409Conflict, "request.conflict",
                "The record changed or already exists. Reload and try again."),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            if (http.RequestAborted.IsCancellationRequested)
            {
                return true;
            }
            LogUnhandled(logger, path.Value ?? "", exception);
            problem = Problem(StatusCodes.Status500InternalServerError, "server.error", "Something went wrong on our side. Try again later.");
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails Problem(int status, string code, string title, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is { Count: > 0 } ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>RUN-07: messages follow the request's language (English unless asked); <c>code</c> stays the stable key.</summary>
    private ProblemDetails FromDomain(HttpContext http, DomainException e)
    {
        if (e.RetryAfterSeconds is { } wait)
        {
            http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        // This handler runs outside the localization middleware, so the request's language is restored here.
        using var _ = CultureScope.Use(http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? "en");
        var errors = e.Errors.ToDictionary(f => f.Key, f => f.Value.Select(m => text[m].Value).ToArray());
        return Problem(e.Status, e.Code, text[e.Message], errors);
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(e.StatusCode, "request.too_large", "The request body is too large.");
        }
        if (e.InnerException is JsonException json)
        {
            // "$.roles" → "roles": name the field without echoing parser internals.
            var field = json.Path is { Length: > 2 } path ? JsonNamingPolicy.CamelCase.ConvertName(path.TrimStart('$', '.').Split('.', '[')[0]) : "body";
            var message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This field is not accepted."
                : "The value has the wrong format.";
            return Problem(StatusCodes.Status400BadRequest, "request.malformed_json", "The request body is not valid JSON for this call.",
                new Dictionary<string, string[]> { [field] = [message] });
        }
        return Problem(e.StatusCode, "request.bad", "The request is not valid.");
    }

    /// <summary>A refusal with a 4xx status: the caller's doing, logged at Debug, never as a failure.</summary>
    internal static bool IsExpected(Exception exception) => StatusOf(exception) is >= 400 and < 500;

    private static int StatusOf(Exception exception) => exception switch
    {
        DomainException e => e.Status,
        BadHttpRequestException e => e.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request to {Path} refused: {Code} ({Status})")]
    private static partial void LogRefused(ILogger logger, string path, string code, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string path, Exception exception);
}

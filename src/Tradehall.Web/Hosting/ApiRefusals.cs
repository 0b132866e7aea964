using Microsoft.AspNetCore.Http.Metadata;
using Tradehall.Core.Accounts.Tokens;

namespace Tradehall.Web.Hosting;

/// <summary>
/// RUN-04: the refusals a module's route may answer because of what it is, declared on the route so the OpenAPI document
/// lists them: 400 when it takes input, 401 and 403 when it needs a token, 404 when its address names something, 413 when
/// it takes uploads, 409 when it writes (a state the call does not fit, or a unique key a parallel call took first: the
/// problem handler answers both with 409) and 429 from the rate limits (SEC-06: the anonymous limit stands before
/// authentication, so any route may meet it). A route declares its own further refusals (402, 422...) itself. Every
/// refusal is problem details.
/// </summary>
internal static class ApiRefusals
{
    /// <summary>A group, at the root, for the modules' routes (the API and the images pages show).</summary>
    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        var api = app.MapGroup("");
        ((IEndpointConventionBuilder)api).Finally(endpoint => Declare(endpoint, services));
        return api;
    }

    private static void Declare(EndpointBuilder endpoint, IServiceProviderIsService services)
    {
        if (endpoint is not RouteEndpointBuilder route)
        {
            return;
        }
        var metadata = endpoint.Metadata;
        var refusals = new SortedSet<int> { StatusCodes.Status429TooManyRequests };
        if (metadata.OfType<IAcceptsMetadata>().Any() || metadata.OfType<IParameterBindingMetadata>().Any(p => TakesInput(p.ParameterInfo.ParameterType, services)))
        {
            refusals.Add(StatusCodes.Status400BadRequest);
        }
        if (metadata.OfType<ApiAccess>().LastOrDefault() is { Scope: not null })
        {
            refusals.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }
        if (route.RoutePattern.Parameters.Count > 0)
        {
            refusals.Add(StatusCodes.Status404NotFound);
        }
        if (metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Any(method => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))))
        {
            refusals.Add(StatusCodes.Status409Conflict);
        }
        if (metadata.OfType<RequestSizeLimitAttribute>().Any())
        {
            refusals.Add(StatusCodes.Status413PayloadTooLarge);
        }
        var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        foreach (var status in refusals.Where(s => !declared.Contains(s)))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }

    /// <summary>A parameter the caller sends (route, query, header, body, form), not one the host supplies.</summary>
    private static bool TakesInput(Type type, IServiceProviderIsService services) =>
        type != typeof(HttpContext) && type != typeof(CancellationToken) && type != typeof(HttpRequest) && type != typeof(HttpResponse)
        && !services.IsService(type);
}

using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Tradehall.Core.Billing;

/// <summary>
/// BIL-23: the one implementation of <c>Idempotency-Key</c> for the API. An endpoint answers with the
/// <see cref="IdempotentCall"/> it makes; this filter runs it once per key and answers its first answer byte for byte.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (await next(context) is not IdempotentCall call)
        {
            throw new InvalidOperationException("An idempotent endpoint answers with the call it makes.");
        }
        var http = context.HttpContext;
        var key = http.Request.Headers[Idempotency.Header].FirstOrDefault();
        if (key is null && http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is { KeyRequired: false })
        {
            return Results.Json(await call.Effect(http.RequestAborted), statusCode: call.Status);
        }
        var answer = await http.RequestServices.GetRequiredService<Idempotency>().RunAsync(call, key, http.RequestAborted);
        return answer.ToResult();
    }
}

/// <summary>Marks an endpoint run by <see cref="IdempotencyFilter"/>, for its OpenAPI description (the header it takes).</summary>
public sealed record IdempotentEndpoint(bool KeyRequired);

[ModuleApi]
public static class IdempotentEndpoints
{
    /// <summary>
    /// Runs the endpoint's call once per <c>Idempotency-Key</c>, and declares what it answers: <typeparamref name="TAnswer"/>
    /// with <paramref name="status"/>; 400 for a missing key or a bad request, 409 while a call with the same key is still
    /// running, 422 for a key reused with another request; and the call's own <paramref name="refusals"/>.
    /// </summary>
    public static RouteHandlerBuilder Idempotent<TAnswer>(this RouteHandlerBuilder endpoint, int status, bool keyRequired = true, params int[] refusals)
    {
        endpoint.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentEndpoint(keyRequired));
        if (status == StatusCodes.Status204NoContent)
        {
            endpoint.Produces(status);
        }
        else
        {
            endpoint.Produces<TAnswer>(status);
        }
        foreach (var refusal in refusals.Concat([StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]).Distinct())
        {
            endpoint.ProducesProblem(refusal);
        }
        // The handler's own result is the call, not the answer: it is no response of the endpoint.
        endpoint.Finally(b =>
        {
            foreach (var call in b.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => m.Type == typeof(IdempotentCall)).ToList())
            {
                b.Metadata.Remove(call);
            }
        });
        return endpoint;
    }
}

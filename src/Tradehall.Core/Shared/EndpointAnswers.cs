using Microsoft.AspNetCore.Http.HttpResults;

namespace Tradehall.Core.Shared;

/// <summary>The answers an endpoint gives once the work it asked for is done.</summary>
public static class EndpointAnswers
{
    /// <summary>204 when <paramref name="work"/> completes; its failure (a domain error) answers as it would have.</summary>
    public static async Task<NoContent> ThenNoContent(this Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Mvc;

namespace Tradehall.Core.Shared;

/// <summary>
/// SEC-07: an upload endpoint's body limit follows the option that bounds its file, never the API's JSON
/// limit (which routing replaces with this endpoint metadata).
/// </summary>
public static class UploadLimit
{
    /// <summary>
    /// Room for the largest file and the form around it: a file a little over its limit still reaches the
    /// handler, which names the field; a body twice as large is cut off by the server with 413.
    /// </summary>
    public static TBuilder WithUploadLimit<TBuilder>(this TBuilder builder, long maxFileBytes) where TBuilder : IEndpointConventionBuilder
    {
        var bodyBytes = checked(maxFileBytes * 2);
        return builder.WithMetadata(new RequestSizeLimitAttribute(bodyBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bodyBytes });
    }
}

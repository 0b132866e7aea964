namespace Tradehall.Core.Network.Images;

/// <summary>SEC-07: how every stored image is answered — photos, logos, listing photos and their thumbnails alike.</summary>
[ModuleApi]
public static class ImageResults
{
    /// <summary>
    /// The re-encoded JPEG, sent with its type, inline and never sniffed; each request is checked again (private, no-cache),
    /// since who may see an image can change. Null content is a 404.
    /// </summary>
    public static IResult Jpeg(HttpContext http, Stream? content, string fileName)
    {
        if (content is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Stream(content, ImagePipeline.ContentType);
    }
}

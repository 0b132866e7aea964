namespace Tradehall.Web.Pages;

/// <summary>
/// The friendly page behind every failed page request (status code pages and the exception handler).
/// It answers any method, since a failed POST or DELETE is re-executed here with its own method.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, DisableRateLimiting]
public sealed class ErrorModel : TradehallPageModel
{
    public int Status
    {
        get
        {
            if (int.TryParse(Request.Query["status"], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 400 and < 600)
            {
                return status;
            }
            return Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        }
    }
}

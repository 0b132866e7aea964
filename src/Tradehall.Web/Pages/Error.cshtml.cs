using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Tradehall.Web.Pages;

/// <summary>The friendly page behind every failed page request (status code pages and the exception handler).</summary>
[AllowAnonymous, IgnoreAntiforgeryToken, DisableRateLimiting]
public sealed class ErrorModel : TradehallPageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Status = Pick(status);

    public void OnPost(int? status) => Status = Pick(status);

    private int Pick(int? status)
    {
        if (status is >= 400 and < 600)
        {
            return status.Value;
        }
        return Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
    }
}

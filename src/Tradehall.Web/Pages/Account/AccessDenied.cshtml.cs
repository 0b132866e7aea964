namespace Tradehall.Web.Pages.Account;

/// <summary>SEC-05: where a refused page sends the visitor; staff learn that the consoles need a second factor.</summary>
public sealed class AccessDeniedModel : TradehallPageModel
{
    public bool StaffWithoutSecondFactor { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        StaffWithoutSecondFactor = Roles.Staff.Any(User.IsInRole) && !User.HasClaim("amr", "mfa");
    }
}

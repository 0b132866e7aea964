namespace Tradehall.Web.Pages.Network;

/// <summary>What the network's pages share: the optional viewer and a 404 for what does not exist or may not be seen.</summary>
public abstract class NetworkPageModel : TradehallPageModel
{
    protected Guid? Viewer => User.ViewerId();

    protected static bool IsNotFound(Tradehall.Core.Shared.DomainException e) => e.Status == StatusCodes.Status404NotFound;
}

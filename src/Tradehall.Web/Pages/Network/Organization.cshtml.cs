using Tradehall.Core.Network.Organizations;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-05: an organization's page with its people; an invited person answers here, a member can leave.</summary>
public sealed class OrganizationModel(Organizations organizations, OrganizationPeople people, IMarketplace marketplace) : NetworkPageModel
{
    /// <summary>How many of its listings the storefront shows.</summary>
    public const int ListingsShown = 12;

    [FromRoute] public string Slug { get; set; } = "";

    public OrganizationView Organization { get; private set; } = null!;

    public Storefront Listings { get; private set; } = new(0, []);

    /// <summary>The viewer's invitation to this organization that waits for their answer, if any.</summary>
    public MyOrganizationInvitation? Invitation { get; private set; }

    public bool IsMember => Viewer is { } v && Organization.Members.Any(m => m.Id == v);

    public Guid? ViewerId => Viewer;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => PageOrNotFoundAsync(LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostLeaveAsync(CancellationToken ct) =>
        ActAsync(me => people.LeaveAsync(me, Slug, ct), L["You left the organization."], ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        ActAsync(me => people.AcceptAsync(me, id, ct), L["You joined the organization."], ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        ActAsync(me => people.DeclineAsync(me, id, ct), L["Invitation declined."], ct);

    private async Task<IActionResult> ActAsync(Func<Guid, Task> action, string done, CancellationToken cancellationToken)
    {
        if (Viewer is not { } me)
        {
            return Challenge();
        }
        ModelState.Clear();
        return await SubmitAsync(() => action(me), () => done, $"/o/{Uri.EscapeDataString(Slug.ToLowerInvariant())}",
            () => PageOrNotFoundAsync(LoadAsync(cancellationToken)));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Organization = await organizations.ViewAsync(Slug, Viewer, cancellationToken);
        }
        catch (DomainException e) when (IsNotFound(e))
        {
            return false;
        }
        Listings = await marketplace.StorefrontAsync(Organization.Id, ListingsShown, cancellationToken);
        if (Viewer is { } me)
        {
            Invitation = (await people.MineAsync(me, cancellationToken)).FirstOrDefault(i => i.Organization.Id == Organization.Id);
        }
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Tradehall.Core.Accounts;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-05: an organization's page with its people; a member can leave it here.</summary>
public sealed class OrganizationModel(Organizations organizations) : NetworkPageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    public OrganizationView Organization { get; private set; } = null!;

    public bool IsMember => Viewer is { } v && Organization.Members.Any(m => m.Id == v);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken)
    {
        if (Viewer is not { } me)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (await TryAsync(() => organizations.RemoveMemberAsync(me, Slug, me.ToString(), cancellationToken)))
        {
            Notice(L["You left the organization."]);
            return LocalRedirect($"/o/{Slug.ToLowerInvariant()}");
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Organization = await organizations.ViewAsync(Slug, Viewer, cancellationToken);
            return true;
        }
        catch (DomainException e) when (IsNotFound(e))
        {
            return false;
        }
    }
}

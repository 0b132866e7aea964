using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tradehall.Core.Accounts;
using Tradehall.Core.Network.Organizations;
using Tradehall.Core.Shared;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-05: admins edit the page, upload the logo and manage admins and employees; others get 404.</summary>
[Authorize]
public sealed class EditOrganizationModel(Organizations organizations) : OrganizationFormModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty] public IFormFile? Logo { get; set; }
    [BindProperty] public string? Member { get; set; }
    [BindProperty] public string? Role { get; set; }

    public OrganizationView Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        (Name, LegalForm, Industry, Country, City, Description, Website) = (Organization.Name, Organization.LegalForm, Organization.Industry,
            Organization.Country, Organization.City, Organization.Description, Organization.Website);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(() => organizations.UpdateAsync(User.MemberId(), Slug, Form, ct), L["The organization page is saved."], ct, Fields);

    public async Task<IActionResult> OnPostLogoAsync(CancellationToken ct)
    {
        await using var content = Logo?.OpenReadStream() ?? Stream.Null;
        return await ActAsync(() => organizations.SetLogoAsync(User.MemberId(), Slug, content, Logo?.Length ?? 0, ct), L["The logo is saved."], ct, nameof(Logo));
    }

    public Task<IActionResult> OnPostMemberAsync(CancellationToken ct) =>
        ActAsync(() => organizations.SetMemberAsync(User.MemberId(), Slug, new OrganizationMemberRequest(Member, Role), ct), L["The member is added."], ct,
            nameof(Member), nameof(Role));

    public Task<IActionResult> OnPostRemoveAsync(string member, CancellationToken ct) =>
        ActAsync(() => organizations.RemoveMemberAsync(User.MemberId(), Slug, member, ct), L["The member is removed."], ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken, params string[] fields)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (await TryAsync(action, fields))
        {
            Notice(done);
            return LocalRedirect($"/o/{Organization.Slug}/edit");
        }
        return Page();
    }

    /// <summary>Only admins see this page; for anyone else it does not exist.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Organization = await organizations.ViewAsync(Slug, Viewer, cancellationToken);
            return Organization.CanEdit;
        }
        catch (DomainException e) when (IsNotFound(e))
        {
            return false;
        }
    }
}

using Tradehall.Core.Network.Organizations;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-05: admins edit the page, upload the logo, invite people and manage admins and employees; others get 404.</summary>
[Authorize]
public sealed class EditOrganizationModel(Organizations organizations, OrganizationPeople people) : OrganizationFormModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty] public IFormFile? Logo { get; set; }
    [BindProperty] public string? Member { get; set; }
    [BindProperty] public string? Role { get; set; }

    public OrganizationView Organization { get; private set; } = null!;

    public IReadOnlyList<OrganizationInvitationView> Invitations { get; private set; } = [];

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

    /// <summary>A person who is not a member yet gets an invitation; a member's role changes at once.</summary>
    public async Task<IActionResult> OnPostMemberAsync(CancellationToken ct)
    {
        OrganizationInvitationView? invitation = null;
        return await ActAsync(async () => invitation = await people.SetMemberAsync(User.MemberId(), Slug, new OrganizationMemberRequest(Member, Role), ct),
            () => invitation is null ? L["The role is changed."] : L["Invitation sent. {0} joins once they accept.", invitation.Member.Name], ct,
            nameof(Member), nameof(Role));
    }

    public Task<IActionResult> OnPostRemoveAsync(string member, CancellationToken ct) =>
        ActAsync(() => people.RemoveMemberAsync(User.MemberId(), Slug, member, ct), L["The member is removed."], ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => people.WithdrawAsync(User.MemberId(), Slug, id, ct), L["The invitation is withdrawn."], ct);

    private Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken, params string[] fields) =>
        ActAsync(action, () => done, cancellationToken, fields);

    private async Task<IActionResult> ActAsync(Func<Task> action, Func<string> done, CancellationToken cancellationToken, params string[] fields)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (await TryAsync(action, fields))
        {
            Notice(done());
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
            if (!Organization.CanEdit)
            {
                return false;
            }
            Invitations = await people.PendingAsync(User.MemberId(), Slug, cancellationToken);
            return true;
        }
        catch (DomainException e) when (IsNotFound(e))
        {
            return false;
        }
    }
}

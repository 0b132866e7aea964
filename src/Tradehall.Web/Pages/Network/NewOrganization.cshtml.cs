using Tradehall.Core.Network.Organizations;

namespace Tradehall.Web.Pages.Network;

/// <summary>The organization fields of the create and edit forms, bound flat so errors land beside their fields.</summary>
public abstract class OrganizationFormModel : NetworkPageModel
{
    protected static readonly string[] Fields = ["Name", "LegalForm", "Industry", "Country", "City", "Website", "Description"];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? LegalForm { get; set; }
    [BindProperty] public string? Industry { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Website { get; set; }

    public OrganizationRequest Form => new(Name, LegalForm, Industry, Country, City, Description, Website);
}

/// <summary>NET-05: a confirmed member creates an organization page and becomes its admin.</summary>
[Authorize]
public sealed class NewOrganizationModel(Organizations organizations) : OrganizationFormModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        OrganizationCreated? created = null;
        if (await TryAsync(async () => created = await organizations.CreateAsync(User.MemberId(), Form, cancellationToken), Fields))
        {
            Notice(L["The organization page is created."]);
            return LocalRedirect($"/o/{created!.Slug}");
        }
        return Page();
    }
}

using Tradehall.Core.Network.Profiles;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-01, NET-02: the owner edits their page, chooses who sees each field and uploads a photo.</summary>
[Authorize]
public sealed class EditPageModel(PersonalPages pages) : NetworkPageModel
{
    [BindProperty] public string? City { get; set; }
    [BindProperty] public Visibility CityVisibility { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Company { get; set; }
    [BindProperty] public Visibility WorkVisibility { get; set; }
    [BindProperty] public string? Education { get; set; }
    [BindProperty] public Visibility EducationVisibility { get; set; }
    [BindProperty] public string? About { get; set; }
    [BindProperty] public Visibility AboutVisibility { get; set; }
    [BindProperty] public Visibility PhotoVisibility { get; set; }
    [BindProperty] public Visibility ContactsVisibility { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }

    public PageSettings Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await pages.OwnAsync(User.MemberId(), cancellationToken);
        (City, CityVisibility, Position, Company, WorkVisibility) = (Current.City, Current.CityVisibility, Current.Position, Current.Company, Current.WorkVisibility);
        (Education, EducationVisibility, About, AboutVisibility) = (Current.Education, Current.EducationVisibility, Current.About, Current.AboutVisibility);
        (PhotoVisibility, ContactsVisibility) = (Current.PhotoVisibility, Current.ContactsVisibility);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var request = new SavePageRequest(City, CityVisibility, Position, Company, WorkVisibility, Education, EducationVisibility,
            About, AboutVisibility, PhotoVisibility, ContactsVisibility);
        // On a refusal the form keeps what was typed; only the stored page is read again.
        return await SubmitAsync(() => pages.SaveAsync(User.MemberId(), request, cancellationToken), L["Your page is saved."], "/settings/page",
            async () => Current = await pages.OwnAsync(User.MemberId(), cancellationToken),
            nameof(City), nameof(CityVisibility), nameof(Position), nameof(Company), nameof(WorkVisibility), nameof(Education),
            nameof(EducationVisibility), nameof(About), nameof(AboutVisibility), nameof(PhotoVisibility), nameof(ContactsVisibility));
    }

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await using var content = Photo?.OpenReadStream() ?? Stream.Null;
        return await SubmitAsync(() => pages.SetPhotoAsync(User.MemberId(), content, Photo?.Length ?? 0, cancellationToken), L["Your photo is saved."],
            "/settings/page", () => OnGetAsync(cancellationToken), nameof(Photo));
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(CancellationToken cancellationToken)
    {
        await pages.RemovePhotoAsync(User.MemberId(), cancellationToken);
        Notice(L["Your photo is removed."]);
        return LocalRedirect("/settings/page");
    }
}

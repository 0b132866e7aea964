namespace Tradehall.Web.Pages.Marketplace;

/// <summary>MKT-01, MKT-05: posting a listing with its first photos; over the plan's limit the page says so and links to the subscription.</summary>
[Authorize]
public sealed class NewModel(ListingEditor editor, ListingReader reader, CategoryTree categories, INetwork network, IOptions<MarketplaceOptions> options)
    : ListingFormModel(categories, network, options)
{
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public OwnListings Plan { get; private set; } = null!;

    public bool OverLimit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Currency = Limits.Currencies[0];
        Unit = Limits.Units[0];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ListingCreated? created = null;
        try
        {
            var (request, unreadable) = Form();
            created = await editor.CreateAsync(User.MemberId(), request, unreadable, cancellationToken);
        }
        catch (DomainException e)
        {
            OverLimit = e.Code == "marketplace.listing_limit";
            if (OverLimit)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            ShowErrors(e, Fields);
            await LoadAsync(cancellationToken);
            return Page();
        }
        foreach (var photo in Photos.Where(p => p.Length > 0))
        {
            try
            {
                await using var content = photo.OpenReadStream();
                await editor.AddPhotoAsync(User.MemberId(), created.Id, content, photo.Length, cancellationToken);
            }
            catch (DomainException e)
            {
                // The listing stands; the photo that was refused is explained on the edit page, where another may be added.
                Notice(L["The listing is posted, but a photo was refused: {0}", L[e.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message]]);
                return LocalRedirect($"/listings/{created.Id}/edit");
            }
        }
        Notice(L["The listing is posted."]);
        return LocalRedirect($"/listings/{created.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Plan = await reader.OwnAsync(User.MemberId(), cancellationToken);
        OverLimit |= Plan.ActiveLimit is { } limit && Plan.ActiveCount >= limit;
    }
}

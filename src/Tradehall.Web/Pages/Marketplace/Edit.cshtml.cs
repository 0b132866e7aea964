namespace Tradehall.Web.Pages.Marketplace;

/// <summary>MKT-01: the owner edits a listing and its photos; for anyone else the page does not exist.</summary>
[Authorize]
public sealed class EditModel(ListingEditor editor, ListingReader reader, CategoryTree categories, INetwork network, IOptions<MarketplaceOptions> options)
    : ListingFormModel(categories, network, options)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }

    public ListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Fill(Listing);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ActAsync(() =>
        {
            var (request, unreadable) = Form();
            return editor.UpdateAsync(User.MemberId(), Id, request, unreadable, cancellationToken);
        }, L["The listing is saved."], $"/listings/{Id}",
            cancellationToken, Fields);

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken cancellationToken)
    {
        await using var content = Photo?.OpenReadStream() ?? Stream.Null;
        return await ActAsync(() => editor.AddPhotoAsync(User.MemberId(), Id, content, Photo?.Length ?? 0, cancellationToken), L["The photo is added."],
            $"/listings/{Id}/edit", cancellationToken, nameof(Photo));
    }

    public Task<IActionResult> OnPostRemovePhotoAsync(Guid photo, CancellationToken cancellationToken) =>
        ActAsync(() => editor.RemovePhotoAsync(User.MemberId(), Id, photo, cancellationToken), L["The photo is removed."], $"/listings/{Id}/edit",
            cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, string next, CancellationToken cancellationToken, params string[] fields)
    {
        ModelState.Clear();
        if (await TryAsync(action, fields))
        {
            Notice(done);
            return LocalRedirect(next);
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!fields.SequenceEqual(Fields))
        {
            // A refused photo leaves the listing's fields as they are saved.
            Fill(Listing);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Listing = await reader.ViewAsync(Id, User.MemberId(), null, cancellationToken);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
        if (!Listing.IsOwner)
        {
            return false;
        }
        await LoadChoicesAsync(cancellationToken);
        return true;
    }
}

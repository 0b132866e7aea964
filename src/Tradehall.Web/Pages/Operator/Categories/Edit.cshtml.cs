namespace Tradehall.Web.Pages.Operator.Categories;

/// <summary>MKT-01: one category in the console — rename it, move it, merge it into another or retire it.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class EditModel(TaxonomyEditor editor) : TradehallPageModel, ICategoryNames
{
    [BindProperty(SupportsGet = true, Name = "id")] public int Id { get; set; }

    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameRu { get; set; }
    [BindProperty] public string? Synonyms { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int? TargetId { get; set; }
    [BindProperty] public int? DestinationId { get; set; }

    public CategoryAdminView Current { get; private set; } = null!;
    public IReadOnlyList<CategoryAdminView> Tree { get; private set; } = [];

    /// <summary>Live categories other than this one, for moving, merging and retiring.</summary>
    public IReadOnlyList<CategoryChoice> Others { get; private set; } = [];

    public bool HasLiveChildren => Tree.Any(c => c.Category.ParentId == Id && !c.Category.Retired);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        (NameEn, NameRu, Synonyms) = (Current.Category.NameEn, Current.Category.NameRu, Current.Category.Synonyms);
        ParentId = Current.Category.ParentId;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ActAsync(() => editor.RenameAsync(User.MemberId(), Id, new CategoryRequest(null, NameEn, NameRu, Synonyms), cancellationToken),
            () => L["The category is saved."], cancellationToken, nameof(NameEn), nameof(NameRu), nameof(Synonyms));

    public Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken) =>
        ActAsync(() => editor.MoveAsync(User.MemberId(), Id, ParentId, cancellationToken), () => L["The category is moved."], cancellationToken, nameof(ParentId));

    public Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        return ActAsync(async () => moved = await editor.MergeAsync(User.MemberId(), Id, TargetId, cancellationToken),
            () => L["The category is merged. Listings moved: {0}.", moved], cancellationToken, nameof(TargetId));
    }

    public Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        return ActAsync(async () => moved = await editor.RetireAsync(User.MemberId(), Id, DestinationId, cancellationToken),
            () => L["The category is retired. Listings moved: {0}.", moved], cancellationToken, nameof(DestinationId));
    }

    /// <summary>Runs one change; a refusal shows the page again with the message beside the field, the other forms as stored.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> action, Func<string> done, CancellationToken cancellationToken, params string[] fields)
    {
        ModelState.Clear();
        if (await TryAsync(action, fields))
        {
            Notice(done());
            return LocalRedirect($"/operator/categories#category-{Id}");
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!fields.Contains(nameof(NameEn)))
        {
            (NameEn, NameRu, Synonyms) = (Current.Category.NameEn, Current.Category.NameRu, Current.Category.Synonyms);
        }
        if (!fields.Contains(nameof(ParentId)))
        {
            ParentId = Current.Category.ParentId;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Tree = await editor.ListAsync(cancellationToken);
        if (Tree.FirstOrDefault(c => c.Category.Id == Id) is not { } current)
        {
            return false;
        }
        Current = current;
        Others = CategoryChoice.Live(Tree, except: Id);
        return true;
    }
}

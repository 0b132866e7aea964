namespace Tradehall.Web.Pages.Operator.Categories;

/// <summary>MKT-01: the operator adds a category, under the one the page was opened from or at the top level.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class NewModel(TaxonomyEditor editor) : TradehallPageModel, ICategoryNames
{
    public static readonly string[] Fields = [nameof(ParentId), nameof(Code), nameof(NameEn), nameof(NameRu), nameof(Synonyms)];

    [BindProperty(SupportsGet = true, Name = "parent")] public int? ParentId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameRu { get; set; }
    [BindProperty] public string? Synonyms { get; set; }

    public IReadOnlyList<CategoryChoice> Parents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var id = 0;
        if (!await TryAsync(async () => id = await editor.AddAsync(User.MemberId(), ParentId, new CategoryRequest(Code, NameEn, NameRu, Synonyms), cancellationToken),
            Fields))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        Notice(L["The category {0} is added.", NameEn!.Trim()]);
        return LocalRedirect($"/operator/categories#category-{id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Parents = CategoryChoice.Live(await editor.ListAsync(cancellationToken));
}

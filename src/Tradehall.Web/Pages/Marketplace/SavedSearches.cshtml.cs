using Tradehall.Core.Marketplace.Search;

namespace Tradehall.Web.Pages.Marketplace;

/// <summary>MKT-04: a subscriber's saved searches — open, switch alerts, delete; the search page saves new ones here.</summary>
[Authorize]
public sealed class SavedSearchesModel(SavedSearches saved) : TradehallPageModel
{
    public IReadOnlyList<SavedSearchView> Searches { get; private set; } = [];
    public bool MayUse { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Q { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public int? Category { get; set; }
    [BindProperty] public string? Country { get; set; }
    // Prices arrive as the search page wrote them (invariant digits), whatever the visitor's language.
    [BindProperty] public string? MinPrice { get; set; }
    [BindProperty] public string? MaxPrice { get; set; }
    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public DateOnly? Since { get; set; }
    [BindProperty] public string? Sort { get; set; }
    [BindProperty] public bool Alerts { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var unreadable = new FieldErrors();
        var culture = CultureInfo.CurrentCulture;
        var criteria = new SearchCriteria(Q, Type, Category, Country, Amounts.Number(MinPrice, culture).Or(unreadable, "minPrice"),
            Amounts.Number(MaxPrice, culture).Or(unreadable, "maxPrice"), Currency, Since, Sort);
        if (await TryAsync(() =>
        {
            unreadable.ThrowIfAny();
            return saved.SaveAsync(User.MemberId(), new SaveSearchRequest(Name, criteria, Alerts), cancellationToken);
        }, "Name"))
        {
            Notice(L["The search is saved."]);
            return RedirectToPage();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAlertsAsync(Guid id, bool alerts, CancellationToken cancellationToken)
    {
        await saved.SetAlertsAsync(User.MemberId(), id, alerts, cancellationToken);
        Notice(alerts ? L["Alerts are on."] : L["Alerts are off."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await saved.DeleteAsync(User.MemberId(), id, cancellationToken);
        Notice(L["The saved search is deleted."]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayUse = await saved.MayUseAsync(User.MemberId(), cancellationToken);
        Searches = await saved.ListAsync(User.MemberId(), cancellationToken);
    }
}

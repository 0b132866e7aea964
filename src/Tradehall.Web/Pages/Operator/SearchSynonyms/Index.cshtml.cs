using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Web.Pages.Operator.SearchSynonyms;

/// <summary>MKT-02: the global synonym list — every group, and a form to add one.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class IndexModel(SynonymEditor editor) : TradehallPageModel, IWordsForm
{
    [BindProperty] public string? Words { get; set; }

    public IReadOnlyList<SynonymGroupView> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await editor.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        SynonymGroupView? added = null;
        return await SubmitAsync(async () => added = await editor.AddAsync(User.MemberId(), Words, cancellationToken),
            () => L["The synonym group «{0}» is added.", string.Join(", ", added!.Words)], "/operator/search-synonyms",
            () => OnGetAsync(cancellationToken), nameof(Words));
    }
}

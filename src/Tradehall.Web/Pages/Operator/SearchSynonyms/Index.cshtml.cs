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
        if (!await TryAsync(async () => added = await editor.AddAsync(User.MemberId(), Words, cancellationToken), nameof(Words)))
        {
            Groups = await editor.ListAsync(cancellationToken);
            return Page();
        }
        Notice(L["The synonym group «{0}» is added.", string.Join(", ", added!.Words)]);
        return LocalRedirect("/operator/search-synonyms");
    }
}

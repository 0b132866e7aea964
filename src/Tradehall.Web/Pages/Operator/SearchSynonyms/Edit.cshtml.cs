using Tradehall.Core.Marketplace.Synonyms;

namespace Tradehall.Web.Pages.Operator.SearchSynonyms;

/// <summary>MKT-02: one synonym group — change its words or delete it.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class EditModel(SynonymEditor editor) : TradehallPageModel, IWordsForm
{
    [BindProperty(SupportsGet = true, Name = "id")] public int Id { get; set; }

    [BindProperty] public string? Words { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Words = string.Join(", ", (await editor.GetAsync(Id, cancellationToken)).Words);
            return Page();
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => editor.UpdateAsync(User.MemberId(), Id, Words, cancellationToken), L["The synonym group is saved."],
            "/operator/search-synonyms", () => Task.CompletedTask, nameof(Words));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(() => editor.DeleteAsync(User.MemberId(), Id, cancellationToken), L["The synonym group is deleted."],
            "/operator/search-synonyms", () => Task.CompletedTask);
    }
}

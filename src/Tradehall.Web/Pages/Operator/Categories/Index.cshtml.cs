namespace Tradehall.Web.Pages.Operator.Categories;

/// <summary>MKT-01: the operator's view of the category tree, with each category's active listings and the ways to change it.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class IndexModel(TaxonomyEditor editor) : TradehallPageModel
{
    public IReadOnlyList<CategoryAdminView> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await editor.ListAsync(cancellationToken);
}

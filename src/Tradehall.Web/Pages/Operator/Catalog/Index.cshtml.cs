namespace Tradehall.Web.Pages.Operator.Catalog;

/// <summary>BIL-06, BIL-14: the operator's catalogue — every kind with its open and closed tariffs and announced prices.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class IndexModel(CatalogAdmin admin, TariffAnnouncements announcements, IOptions<BillingOptions> options) : TradehallPageModel
{
    public IReadOnlyList<AdminKindView> Kinds { get; private set; } = [];

    /// <summary>BIL-14: every announced change with how many were told, objected and accepted.</summary>
    public IReadOnlyList<OperatorTariffChangeView> Changes { get; private set; } = [];

    public string Currency => options.Value.Currency;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = await admin.ListAsync(cancellationToken);
        Changes = await announcements.OperatorListAsync(CultureInfo.CurrentUICulture.Name, cancellationToken);
    }
}

using Tradehall.Core.Marketplace.Currencies;

namespace Tradehall.Web.Pages.Operator;

/// <summary>ANL-03: the operator sees the rate in force for every currency, its history, and sets a new one.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class ExchangeRatesModel(ExchangeRateAdmin admin, TimeProvider time, IOptions<TradehallOptions> site) : TradehallPageModel
{
    public const int HistoryShown = 100;

    public IReadOnlyList<CurrentRate> Current { get; private set; } = [];
    public IReadOnlyList<RateChange> History { get; private set; } = [];

    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public string? Rate { get; set; }
    [BindProperty] public DateOnly? ValidFrom { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ValidFrom = time.Today(site.Value.Zone);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        // A decimal comma or point, so "0.0123" and "0,0123" both work.
        var unreadable = new FieldErrors();
        var rate = Amounts.Number(Rate, CultureInfo.CurrentCulture).Or(unreadable, "rate");
        RateChange? saved = null;
        if (!await TryAsync(async () =>
            {
                unreadable.ThrowIfAny();
                saved = await admin.SetAsync(new SetExchangeRateRequest(Currency, rate, ValidFrom), User.MemberId(), cancellationToken);
            },
            nameof(Currency), nameof(Rate), nameof(ValidFrom)))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        Notice(L["The rate of {0} is set.", saved!.Currency]);
        return LocalRedirect("/operator/exchange-rates");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await admin.CurrentAsync(cancellationToken);
        History = await admin.HistoryAsync(HistoryShown, cancellationToken);
    }
}

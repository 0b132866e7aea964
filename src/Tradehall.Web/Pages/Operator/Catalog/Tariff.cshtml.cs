namespace Tradehall.Web.Pages.Operator.Catalog;

/// <summary>BIL-06, BIL-14: add a tariff to a kind, edit one (a new price is announced ahead), or close it with a successor.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class TariffModel(CatalogAdmin admin, TimeProvider time, IOptions<BillingOptions> options, IOptions<TradehallOptions> site) : CatalogFormModel
{
    /// <summary>The kind a new tariff is added to.</summary>
    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindCode { get; set; }

    /// <summary>The tariff being edited; empty when adding one.</summary>
    [BindProperty(SupportsGet = true, Name = "id")] public Guid? TariffId { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameRu { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }
    [BindProperty] public string? DescriptionRu { get; set; }

    /// <summary>As typed: a comma or a point before the kopecks.</summary>
    [BindProperty] public string? Price { get; set; }

    [BindProperty] public int? PeriodMonths { get; set; } = 1;
    [BindProperty] public string TaxMode { get; set; } = CatalogAdmin.TaxNone;
    [BindProperty] public int? VatRate { get; set; }
    [BindProperty] public bool Refundable { get; set; } = true;
    [BindProperty] public bool ConfirmationRequired { get; set; }
    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public Guid? SuccessorTariffId { get; set; }

    public AdminKindView? Kind { get; private set; }
    public AdminTariffView? Current { get; private set; }

    public bool Editing => TariffId is not null;

    public int MaxMonths => options.Value.MaxTariffPeriodMonths;

    public string Currency => options.Value.Currency;

    /// <summary>BIL-14: the first day a price changed today may take effect.</summary>
    public DateOnly EarliestChange => Today.AddDays(NoticeDays);

    public DateOnly Today => time.Today(site.Value.Zone);

    public int NoticeDays => options.Value.TariffChangeNoticeDays;

    /// <summary>The open tariffs of the same kind a closed one can hand its subscribers to.</summary>
    public IEnumerable<AdminTariffView> Successors => Kind?.Tariffs.Where(t => t.Active && t.Id != TariffId) ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Current is { } t)
        {
            Fill(t);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var operatorId = User.MemberId();
        var fields = new[] { nameof(Name), nameof(NameRu), nameof(DescriptionEn), nameof(DescriptionRu), nameof(Price), nameof(PeriodMonths), nameof(TaxMode), nameof(VatRate), nameof(EffectiveOn) };
        var unreadable = new FieldErrors();
        var price = Amounts.Number(Price, CultureInfo.CurrentCulture).Or(unreadable, "price", "Enter the price as a number, for example 1490.00.");
        if (unreadable.Any)
        {
            ShowErrors(unreadable.ToException(), fields);
            return Page();
        }
        var request = new TariffRequest(Name, price, PeriodMonths, TaxMode, TaxMode == CatalogAdmin.TaxVat ? VatRate : null, Refundable, ConfirmationRequired,
            EffectiveOn, NameRu ?? "", DescriptionEn ?? "", DescriptionRu ?? "");
        if (!await SaveAsync(Editing, () => admin.UpdateTariffAsync(operatorId, TariffId!.Value, request, cancellationToken),
            () => admin.CreateTariffAsync(operatorId, KindCode!, request, cancellationToken), fields))
        {
            return Page();
        }
        return BackToCatalog(L["The tariff {0} is saved.", Name!.Trim()]);
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!Editing || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!await TryAsync(() => admin.CloseTariffAsync(User.MemberId(), TariffId!.Value, new CloseTariffRequest(SuccessorTariffId), cancellationToken),
            nameof(SuccessorTariffId)))
        {
            Fill(Current!);
            return Page();
        }
        return BackToCatalog(L["The tariff {0} is closed; its subscribers have been told.", Current!.Name]);
    }

    /// <summary>The form as the tariff stands; a price announced ahead (BIL-14) is the one shown.</summary>
    private void Fill(AdminTariffView t)
    {
        (Name, NameRu, DescriptionEn, DescriptionRu) = (t.Name, t.NameRu, t.DescriptionEn, t.DescriptionRu);
        Price = (t.PendingPrice ?? t.Price).ToString("0.00", CultureInfo.CurrentCulture);
        (PeriodMonths, TaxMode, VatRate, Refundable, ConfirmationRequired) = (t.PeriodMonths, t.TaxMode, t.VatRate, t.Refundable, t.ConfirmationRequired);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var kinds = await admin.ListAsync(cancellationToken);
        if (TariffId is { } id)
        {
            Kind = kinds.FirstOrDefault(k => k.Tariffs.Any(t => t.Id == id));
            Current = Kind?.Tariffs.First(t => t.Id == id);
            KindCode = Kind?.Code;
        }
        else
        {
            Kind = kinds.FirstOrDefault(k => k.Code == KindCode);
        }
        return Kind is not null;
    }
}

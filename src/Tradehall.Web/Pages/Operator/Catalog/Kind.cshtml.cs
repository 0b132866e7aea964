using Tradehall.Core.Billing.Hooks;

namespace Tradehall.Web.Pages.Operator.Catalog;

/// <summary>
/// BIL-06, BIL-11: add a service kind, or edit one (a built-in kind keeps its code). BIL-24: an operator-defined kind's
/// webhook address is set here too, and its signing secret is shown on this page once, when it is made.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class KindModel(CatalogAdmin admin, KindHooks hooks, IOptions<BillingOptions> options) : CatalogFormModel
{
    /// <summary>The kind being edited; empty when adding one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")] public string? Current { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameRu { get; set; }
    [BindProperty] public int? GraceDays { get; set; }
    [BindProperty] public int? ReserveDays { get; set; }

    /// <summary>BIL-11 (§13): a named grace period that sets both numbers; empty takes them as typed.</summary>
    [BindProperty] public string? GracePreset { get; set; }

    public IReadOnlyList<GracePresetView> Presets => GracePresets.List(options.Value);

    public bool BuiltIn { get; private set; }

    /// <summary>The webhook address; bound as "Url", the field the handler's refusals name.</summary>
    [BindProperty(Name = "Url")] public string? HookUrl { get; set; }

    public bool SecretSet { get; private set; }

    /// <summary>A secret made by this request, shown once.</summary>
    public string? NewSecret { get; private set; }

    public bool Editing => !string.IsNullOrEmpty(Current);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Editing)
        {
            GraceDays = options.Value.GeneralGraceDays;
            ReserveDays = options.Value.GeneralReserveDays;
            return Page();
        }
        try
        {
            await LoadAsync(cancellationToken);
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
        var operatorId = User.MemberId();
        var preset = string.IsNullOrEmpty(GracePreset) ? null : GracePreset;
        var request = preset is null ? new KindRequest(Code, NameEn, NameRu, GraceDays, ReserveDays) : new KindRequest(Code, NameEn, NameRu, null, null, preset);
        var fields = new[] { nameof(Code), nameof(NameEn), nameof(NameRu), nameof(GraceDays), nameof(ReserveDays), nameof(GracePreset) };
        if (!await SaveAsync(Editing, () => admin.UpdateKindAsync(operatorId, Current!, request, cancellationToken),
            () => admin.CreateKindAsync(operatorId, request, cancellationToken), fields))
        {
            BuiltIn = Editing && (await admin.ListAsync(cancellationToken)).Any(k => k.Code == Current && k.BuiltIn);
            return Page();
        }
        return BackToCatalog(L["The service kind {0} is saved.", Code!.Trim()]);
    }

    public async Task<IActionResult> OnPostHookAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        HookSettingsView? saved = null;
        var url = HookUrl;
        if (await TryAsync(async () => saved = await hooks.SetAsync(operatorId, Current ?? "", new HookRequest(url), cancellationToken), "Url"))
        {
            Notice(saved!.Url is null ? L["The webhook is switched off."] : L["The webhook address is saved."]);
        }
        return await ShowAsync(saved?.Secret, keepUrl: saved is null, cancellationToken);
    }

    public async Task<IActionResult> OnPostSecretAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        HookSettingsView? renewed = null;
        await TryAsync(async () => renewed = await hooks.RenewSecretAsync(operatorId, Current ?? "", cancellationToken));
        return await ShowAsync(renewed?.Secret, keepUrl: false, cancellationToken);
    }

    /// <summary>
    /// The page again rather than a redirect, so a new secret is shown on it and nowhere else (no cookie, no log); the note,
    /// read by the layout in this request, goes with it.
    /// </summary>
    private async Task<IActionResult> ShowAsync(string? secret, bool keepUrl, CancellationToken cancellationToken)
    {
        var typed = HookUrl;
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (DomainException)
        {
            return NotFound();
        }
        if (keepUrl)
        {
            HookUrl = typed;
        }
        NewSecret = secret;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var kind = await admin.KindAsync(Current!, cancellationToken);
        (Code, NameEn, NameRu, GraceDays, ReserveDays, BuiltIn) = (kind.Code, kind.NameEn, kind.NameRu, kind.GraceDays, kind.ReserveDays, kind.BuiltIn);
        var hook = await hooks.GetAsync(kind.Code, cancellationToken);
        (HookUrl, SecretSet) = (hook.Url, hook.SecretSet);
    }
}

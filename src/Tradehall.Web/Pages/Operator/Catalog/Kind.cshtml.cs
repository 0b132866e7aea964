using Tradehall.Core.Billing;
using Tradehall.Core.Billing.Catalog;

namespace Tradehall.Web.Pages.Operator.Catalog;

/// <summary>BIL-06, BIL-11: add a service kind, or edit one (a built-in kind keeps its code).</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class KindModel(CatalogAdmin admin, IOptions<BillingOptions> options) : CatalogFormModel
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
            var kind = await admin.KindAsync(Current!, cancellationToken);
            (Code, NameEn, NameRu, GraceDays, ReserveDays, BuiltIn) = (kind.Code, kind.NameEn, kind.NameRu, kind.GraceDays, kind.ReserveDays, kind.BuiltIn);
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
}

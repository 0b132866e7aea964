using Tradehall.Core.Billing.Hooks;

namespace Tradehall.Web.Pages.Operator;

/// <summary>BIL-24: the log of webhook deliveries, filtered by status and kind, with a replay for each one that ended.</summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class ProvisioningModel(HookDeliveries log, CatalogAdmin catalog) : TradehallPageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    [BindProperty] public Guid Id { get; set; }

    public HookDeliveryPage? List { get; private set; }

    /// <summary>The operator-defined kinds, the only ones with webhooks: code and name in the reader's language.</summary>
    public IReadOnlyList<(string Code, string Name)> Kinds { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReplayAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var operatorId = User.MemberId();
        if (!await TryAsync(() => log.ReplayAsync(operatorId, Id, cancellationToken)))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        Notice(L["The delivery is queued again; it is sent within moments."]);
        return LocalRedirect(PageUrl(PageNumber ?? 1));
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageUrl(int page) =>
        "/operator/provisioning?" + (string.IsNullOrEmpty(Status) ? "" : "status=" + Uri.EscapeDataString(Status) + "&")
        + (string.IsNullOrEmpty(Kind) ? "" : "kind=" + Uri.EscapeDataString(Kind) + "&") + "p=" + page.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var russian = CultureInfo.CurrentUICulture.Name.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
        Kinds = (await catalog.ListAsync(cancellationToken)).Where(k => !k.BuiltIn).Select(k => (k.Code, russian ? k.NameRu : k.NameEn)).ToList();
        var status = HookDeliveries.Statuses.Contains(Status) ? Status : null;
        List = await log.ListAsync(status, string.IsNullOrEmpty(Kind) ? null : Kind, PageRequest.Of(Math.Max(1, PageNumber ?? 1)), cancellationToken);
    }
}

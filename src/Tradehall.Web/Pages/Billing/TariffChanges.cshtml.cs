namespace Tradehall.Web.Pages.Billing;

/// <summary>
/// BIL-14: the tariff changes announced to the subscriber — object with reasons before the window closes, or stay silent
/// and accept. The same handler as <c>POST /api/v1/billing/tariff-changes/{id}/object</c>.
/// </summary>
[Authorize]
public sealed class TariffChangesModel(TariffAnnouncements announcements, IOptions<BillingOptions> billing) : TradehallPageModel
{
    public IReadOnlyList<TariffChangeView> Changes { get; private set; } = [];

    public string Currency => billing.Value.Currency;
    public int ObjectionDays => billing.Value.TariffObjectionDays;
    public int NoticeDays => billing.Value.TariffChangeNoticeDays;

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostObjectAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await SubmitAsync(
            () => announcements.ObjectAsync(User.MemberId(), id, new TariffObjectionRequest(Reason), CultureInfo.CurrentUICulture.Name, cancellationToken),
            L["Your objection is recorded. The service will not renew at the new terms; the notice in your notification centre says when it ends."],
            "/billing/tariff-changes", () =>
            {
                // Every open change has a reason field: the message belongs beside this one's.
                MoveErrorsToRow(nameof(Reason), ReasonId(id));
                return LoadAsync(cancellationToken);
            }, nameof(Reason));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Changes = await announcements.ListAsync(User.MemberId(), CultureInfo.CurrentUICulture.Name, cancellationToken);
}

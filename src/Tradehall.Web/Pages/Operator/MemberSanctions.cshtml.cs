using Tradehall.Core.Moderation;

namespace Tradehall.Web.Pages.Operator;

/// <summary>
/// OPS-02..04: the operator looks up a member (by email, account id or personal account number), reads their recorded
/// violations and imposes or lifts a sanction — the same handlers as <c>POST</c> and <c>DELETE
/// /api/v1/operator/members/{accountId}/sanctions</c>.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class MemberSanctionsModel(Sanctions sanctions, ConsoleMembers members, IOptions<ModerationOptions> options) : TradehallPageModel
{
    public ModerationOptions Limits => options.Value;

    public static readonly string[] Fields = [nameof(Kind), nameof(Reason), nameof(Restrictions), nameof(ComplaintId), nameof(ConfirmForfeit)];

    /// <summary>As typed: an email, an account id or a personal account number.</summary>
    [BindProperty(SupportsGet = true)] public string? Member { get; set; }

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<string> Restrictions { get; set; } = [];
    [BindProperty] public string? ComplaintId { get; set; }
    [BindProperty] public bool ConfirmForfeit { get; set; }

    public MemberRow? Found { get; private set; }
    public SanctionsView? View { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) =>
        LookUpAsync(Member, () => LoadAsync(cancellationToken), nameof(Member), L["There is no member with this email, account id or account number."]);

    public async Task<IActionResult> OnPostImposeAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var unreadable = new FieldErrors();
        Guid? complaint = null;
        if (!string.IsNullOrWhiteSpace(ComplaintId))
        {
            if (Guid.TryParse(ComplaintId.Trim(), out var id))
            {
                complaint = id;
            }
            else
            {
                unreadable.Add("complaintId", "There is no complaint with this id.");
            }
        }
        return await SubmitAsync(() =>
            {
                unreadable.ThrowIfAny();
                return sanctions.ImposeAsync(User.MemberId(), Found!.Id,
                    new SanctionRequest(Kind, Reason, complaint, Kind == SanctionKinds.Restriction ? Restrictions : null, Kind == SanctionKinds.Termination ? ConfirmForfeit : null), cancellationToken);
            }, L["The sanction is recorded and the member is told."], Self(), () => LoadAsync(cancellationToken), Fields);
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        return await SubmitAsync(() => sanctions.LiftAsync(User.MemberId(), Found!.Id, id, cancellationToken),
            L["The sanction is lifted and the member is told."], Self(), () => LoadAsync(cancellationToken));
    }

    private string Self() => "/operator/member-sanctions?member=" + Uri.EscapeDataString(Found!.Id.ToString());

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Found = await members.FindAsync(Member, cancellationToken);
        if (Found is null)
        {
            return false;
        }
        View = await sanctions.ViewAsync(Found.Id, cancellationToken);
        return true;
    }
}

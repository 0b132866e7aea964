using Tradehall.Core.Privacy;
using Tradehall.Core.Privacy.Disclosures;

namespace Tradehall.Web.Pages.Operator;

/// <summary>
/// PRV-10: the operator records a disclosure of members' data to an authority and reads the register — the same handler
/// as <c>POST /api/v1/operator/disclosures</c>. Members are named as the console finds them: one per line.
/// </summary>
[Authorize(Policy = AccountsModule.OperatorConsolePolicy)]
public sealed class DisclosuresModel(DisclosureRegister register, ConsoleMembers members, IOptions<TradehallOptions> site) : TradehallPageModel
{
    public static readonly string[] Fields = [nameof(Authority), nameof(LegalBasis), nameof(AccountIds), nameof(DataDescription), nameof(DisclosedAt)];

    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }

    /// <summary>As typed: an email, an account id or a personal account number on each line.</summary>
    [BindProperty] public string? AccountIds { get; set; }

    [BindProperty] public string? DataDescription { get; set; }

    /// <summary>In the operator's time zone, as the form's date and time field gives it.</summary>
    [BindProperty] public DateTime? DisclosedAt { get; set; }

    public IReadOnlyList<DisclosureView> Register { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var ids = new List<Guid>();
        var unknown = new List<string>();
        foreach (var line in (AccountIds ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (await members.FindAsync(line, cancellationToken) is { } member)
            {
                ids.Add(member.Id);
            }
            else
            {
                unknown.Add(line);
            }
        }
        // A time the clocks skipped in the operator's zone names no moment: it is refused as a time not given.
        var zone = site.Value.Zone;
        DateTimeOffset? at = DisclosedAt is { } typed && DateTime.SpecifyKind(typed, DateTimeKind.Unspecified) is var local && !zone.IsInvalidTime(local)
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone))
            : null;
        return await SubmitAsync(() =>
            {
                if (unknown.Count > 0)
                {
                    throw DomainException.Field("privacy.invalid_disclosure", "accountIds", L["No member was found for: {0}", string.Join(", ", unknown)]);
                }
                return register.RecordAsync(User.MemberId(), new DisclosureRequest(Authority, LegalBasis, ids, DataDescription, at), cancellationToken);
            }, L["The disclosure is recorded in the register."], "/operator/disclosures", () => LoadAsync(cancellationToken), Fields);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Register = await register.ListAsync(PrivacyModule.RegisterPage, cancellationToken);
}

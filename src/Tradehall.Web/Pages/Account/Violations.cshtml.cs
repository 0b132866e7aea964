using Tradehall.Core.Moderation;

namespace Tradehall.Web.Pages.Account;

/// <summary>OPS-02: the member's recorded violations and what any restriction or suspension in force means for them (as <c>GET /api/v1/me/violations</c>).</summary>
[Authorize]
public sealed class ViolationsModel(Sanctions sanctions) : TradehallPageModel
{
    public SanctionsView View { get; private set; } = null!;

    /// <summary>What holds now; nothing once the contract has ended.</summary>
    public IEnumerable<SanctionView> InForce => View.Terminated ? [] : View.Sanctions.Where(s => s.Active);

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await sanctions.ViewAsync(User.MemberId(), cancellationToken);
}

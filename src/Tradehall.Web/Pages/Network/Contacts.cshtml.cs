using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Organizations;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-04, NET-05, NET-07: the member's requests, invitations to organizations, contacts and blocked members.</summary>
[Authorize]
public sealed class ContactsModel(ContactBook contacts, Blocks blocks, OrganizationPeople people) : ContactStepsPageModel(contacts)
{
    public IReadOnlyList<ContactView> All { get; private set; } = [];

    public IReadOnlyList<MemberCard> Blocked { get; private set; } = [];

    public IReadOnlyList<MyOrganizationInvitation> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        All = await Contacts.ListAsync(User.MemberId(), null, cancellationToken);
        Blocked = await blocks.ListAsync(User.MemberId(), cancellationToken);
        Invitations = await people.MineAsync(User.MemberId(), cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptInvitationAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => people.AcceptAsync(User.MemberId(), id, ct), L["You joined the organization."], ct);

    public Task<IActionResult> OnPostDeclineInvitationAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => people.DeclineAsync(User.MemberId(), id, ct), L["Invitation declined."], ct);

    public Task<IActionResult> OnPostUnblockAsync(string handle, CancellationToken ct) =>
        ActAsync(() => blocks.UnblockAsync(User.MemberId(), handle, ct), L["Member unblocked."], ct);

    protected override Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken) =>
        SubmitAsync(action, done, "/contacts", () => OnGetAsync(cancellationToken));
}

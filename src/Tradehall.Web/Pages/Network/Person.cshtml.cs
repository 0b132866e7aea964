using Tradehall.Core.Network.Blocking;
using Tradehall.Core.Network.Comments;
using Tradehall.Core.Network.Contacts;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-01, NET-03, NET-04, NET-07, NET-08: a member's personal page and what a viewer can do there.</summary>
public sealed class PersonModel(PersonalPages pages, PageComments comments, ContactBook contacts, Blocks blocks) : ContactStepsPageModel(contacts)
{
    [FromRoute] public string Handle { get; set; } = "";

    [BindProperty] public string? Text { get; set; }

    public PersonView Person { get; private set; } = null!;

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    /// <summary>NET-04: contacts the viewer shares with the owner, when the owner's contacts are visible to them.</summary>
    public IReadOnlyList<Tradehall.Core.Network.MemberCard> Mutual { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => PageOrNotFoundAsync(LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostConnectAsync(CancellationToken ct) =>
        ActAsync(() => Contacts.RequestAsync(User.MemberId(), new ContactRequest(Handle), ct), L["Contact request sent."], ct);

    public Task<IActionResult> OnPostBlockAsync(CancellationToken ct) =>
        ActAsync(() => blocks.BlockAsync(User.MemberId(), Handle, ct), L["Member blocked."], ct);

    public Task<IActionResult> OnPostUnblockAsync(CancellationToken ct) =>
        ActAsync(() => blocks.UnblockAsync(User.MemberId(), Handle, ct), L["Member unblocked."], ct);

    public Task<IActionResult> OnPostCommentAsync(CancellationToken ct) =>
        ActAsync(() => comments.AddAsync(User.MemberId(), Handle, new AddCommentRequest(Text), ct), L["Comment added."], ct, nameof(Text));

    public Task<IActionResult> OnPostDeleteCommentAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => comments.DeleteAsync(User.MemberId(), id, ct), L["Comment deleted."], ct);

    protected override Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken) =>
        ActAsync(action, done, cancellationToken, []);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken, params string[] fields)
    {
        if (Viewer is null)
        {
            return Challenge();
        }
        ModelState.Clear();
        return await SubmitAsync(action, () => done, $"/u/{Handle.ToLowerInvariant()}", () => PageOrNotFoundAsync(LoadAsync(cancellationToken)), fields);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Person = await pages.ViewAsync(Handle, Viewer, cancellationToken);
            Comments = await comments.ListAsync(Handle, Viewer, cancellationToken);
            if (Viewer is { } viewer && viewer != Person.Id && Person.ContactsCount is > 0)
            {
                Mutual = await Contacts.MutualAsync(viewer, Handle, cancellationToken);
            }
            return true;
        }
        catch (DomainException e) when (IsNotFound(e))
        {
            return false;
        }
    }
}

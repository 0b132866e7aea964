using Tradehall.Core.Network.Contacts;

namespace Tradehall.Web.Pages.Network;

/// <summary>NET-04: answering a contact request and removing a contact, offered alike on the contacts list and on a personal page.</summary>
public abstract class ContactStepsPageModel(ContactBook contacts) : NetworkPageModel
{
    protected ContactBook Contacts => contacts;

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => contacts.AcceptAsync(User.MemberId(), id, ct), L["You are now contacts."], ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => contacts.DeclineAsync(User.MemberId(), id, ct), L["Request declined."], ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => contacts.RemoveAsync(User.MemberId(), id, ct), L["Contact removed."], ct);

    /// <summary>Runs a step and answers where the visitor goes next: on with a note, or back to the page with the refusal.</summary>
    protected abstract Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken);
}

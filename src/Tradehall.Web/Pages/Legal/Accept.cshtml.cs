using Tradehall.Core.Legal.Documents;

namespace Tradehall.Web.Pages.Legal;

/// <summary>
/// OPS-06, PRV-02: a member asked to accept the versions that took effect since they last accepted — what changed, links
/// to both versions, and what declining means. Accepting records each version with the time and address.
/// </summary>
[Authorize]
public sealed class AcceptModel(DocumentAcceptances acceptances) : TradehallPageModel
{
    /// <summary>A version to accept with the headings of its sections that changed and of those removed.</summary>
    public sealed record Item(PendingDocument Pending, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public List<Guid> Shown { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = await acceptances.PendingAsync(User.MemberId(), cancellationToken);
        if (pending.Count == 0)
        {
            return LocalRedirect(LocalOr(ReturnUrl));
        }
        var culture = CultureInfo.CurrentUICulture.Name;
        Items = [.. pending.Select(p =>
        {
            var (changed, removed) = p.Previous is { } previous
                ? DocumentSections.Compare(previous.Body(culture), p.Current.Body(culture))
                : ([], []);
            return new Item(p, changed, removed);
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var remaining = await acceptances.AcceptAsync(User.MemberId(), Shown, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (remaining > 0)
        {
            // A version took effect while the page was open: it is shown next, for its own acceptance.
            return RedirectToPage(new { ReturnUrl });
        }
        Notice(L["Thank you. Your acceptance is recorded."]);
        return LocalRedirect(LocalOr(ReturnUrl));
    }
}

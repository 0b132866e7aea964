using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tradehall.Web.Pages;

/// <summary>
/// What every form page shares: refusals from the Core handlers land beside the fields they concern,
/// in the visitor's language, and one-time notes carry over to the next page.
/// </summary>
public abstract class TradehallPageModel : PageModel
{
    public const string StatusKey = "Status";

    /// <summary>The form's field names in page order, so the error summary lists problems top to bottom.</summary>
    public const string FieldOrderKey = "FieldOrder";

    private IStringLocalizer? localizer;

    protected IStringLocalizer L => localizer ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>A note shown once, on the page the visitor lands on next.</summary>
    protected void Notice(string message) => TempData[StatusKey] = message;

    /// <summary>
    /// Runs a handler; a <see cref="DomainException"/> becomes messages on the form (fields listed in
    /// <paramref name="fields"/> get their own; the rest go to the summary) and the call answers false.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action, params string[] fields)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            ShowErrors(e, fields);
            return false;
        }
    }

    /// <summary>
    /// The end of most form posts (post, then redirect): when <paramref name="action"/> succeeds its note is shown on
    /// <paramref name="next"/>; when it is refused <paramref name="reload"/> fills the page again, which shows the messages
    /// (<paramref name="fields"/> as for <see cref="TryAsync"/>).
    /// </summary>
    protected Task<IActionResult> SubmitAsync(Func<Task> action, string done, string next, Func<Task> reload, params string[] fields) =>
        SubmitAsync(action, () => done, next, reload, fields);

    /// <summary>The same, for a note that tells what the action did.</summary>
    protected Task<IActionResult> SubmitAsync(Func<Task> action, Func<string> done, string next, Func<Task> reload, params string[] fields) =>
        SubmitAsync(action, done, next, async () =>
        {
            await reload();
            return Page();
        }, fields);

    /// <summary>The same, for a page that may answer otherwise than with itself when refused (a 404 for what is gone meanwhile).</summary>
    protected async Task<IActionResult> SubmitAsync(
        Func<Task> action, Func<string> done, string next, Func<Task<IActionResult>> refused, params string[] fields)
    {
        if (await TryAsync(action, fields))
        {
            Notice(done());
            return LocalRedirect(next);
        }
        return await refused();
    }

    /// <summary>The page once <paramref name="found"/> has filled it, or a 404 when what it shows does not exist.</summary>
    protected async Task<IActionResult> PageOrNotFoundAsync(Task<bool> found) => await found ? Page() : NotFound();

    /// <summary>
    /// A console page that looks something up by what is typed in <paramref name="field"/>: when something is typed and
    /// <paramref name="find"/> finds nothing, <paramref name="notFound"/> is said beside the field.
    /// </summary>
    protected async Task LookUpAsync(string? typed, Func<Task<bool>> find, string field, string notFound)
    {
        if (!string.IsNullOrWhiteSpace(typed) && !await find())
        {
            ModelState.AddModelError(field, notFound);
        }
    }

    /// <summary>A required field left blank gets <paramref name="message"/> beside it; the call answers whether it was.</summary>
    protected bool Blank([NotNullWhen(false)] string? value, string field, string message) =>
        Refuse(string.IsNullOrWhiteSpace(value), field, message);

    /// <summary>The same for a password, where a space is a character like any other.</summary>
    protected bool BlankPassword([NotNullWhen(false)] string? value, string field, string message) =>
        Refuse(string.IsNullOrEmpty(value), field, message);

    private bool Refuse(bool refused, string field, string message)
    {
        if (refused)
        {
            ModelState.AddModelError(field, message);
        }
        return refused;
    }

    protected void ShowErrors(DomainException e, params string[] fields)
    {
        if (e.Status == StatusCodes.Status429TooManyRequests)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (e.RetryAfterSeconds is { } wait)
            {
                Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            }
        }
        ViewData[FieldOrderKey] = fields;
        var summary = new List<string>();
        var anyField = false;
        // In the order of the form, so the summary reads top to bottom like the page.
        foreach (var field in fields)
        {
            foreach (var (key, messages) in e.Errors)
            {
                if (FieldName(key) == field)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field, L[message]);
                        anyField = true;
                    }
                }
            }
        }
        foreach (var (key, messages) in e.Errors)
        {
            if (!fields.Contains(FieldName(key), StringComparer.Ordinal))
            {
                summary.AddRange(messages.Where(m => !summary.Contains(m)));
            }
        }
        if (!anyField && summary.Count == 0)
        {
            summary.Add(e.Message);
        }
        foreach (var message in summary)
        {
            ModelState.AddModelError(string.Empty, L[message]);
        }
    }

    /// <summary>The id of a row's reason field, on pages where every row has its own.</summary>
    public static string ReasonId(Guid id) => "reason-" + id.ToString("N");

    /// <summary>
    /// On a page where every row has its own field of one name, moves the refusals of <paramref name="field"/> beside the
    /// field of the row <paramref name="rowFieldId"/>; false when there were none.
    /// </summary>
    protected bool MoveErrorsToRow(string field, string rowFieldId)
    {
        if (!ModelState.TryGetValue(field, out var entry))
        {
            return false;
        }
        foreach (var error in entry.Errors.ToList())
        {
            ModelState.AddModelError(rowFieldId, error.ErrorMessage);
        }
        ModelState.Remove(field);
        return true;
    }

    /// <summary>
    /// SEC-03: a sign-in must start a new session, never continue the one this browser holds; a signed-in
    /// visitor signs out first. Answers the redirect to use, or null when nobody is signed in.
    /// </summary>
    protected IActionResult? AlreadySignedIn()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        Notice(L["You are already signed in. To use another account, sign out first."]);
        return LocalRedirect("/");
    }

    /// <summary>Only addresses on this site: an open redirect would hand signed-in visitors to anyone.</summary>
    protected string LocalOr(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    /// <summary>"dateOfBirth" (the JSON name a handler reports) → "DateOfBirth" (the form field).</summary>
    private static string FieldName(string key) =>
        string.IsNullOrEmpty(key) ? key : char.ToUpperInvariant(key[0]) + key[1..];
}

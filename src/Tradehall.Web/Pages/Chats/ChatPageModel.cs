namespace Tradehall.Web.Pages.Chats;

/// <summary>What the chat pages share: chats.js calls the same handlers as the forms and asks for JSON.</summary>
public abstract class ChatPageModel : TradehallPageModel
{
    protected bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A refusal as JSON problem details, in the visitor's language, for scripts.</summary>
    protected IActionResult Problem(DomainException e)
    {
        var errors = e.Errors.ToDictionary(f => f.Key, f => f.Value.Select(m => L[m].Value).ToArray());
        return new ObjectResult(new { status = e.Status, code = e.Code, title = L[e.Message].Value, errors }) { StatusCode = e.Status };
    }
}

using Tradehall.Core.Messaging.Complaints;
using Tradehall.Core.Messaging.Reading;
using Tradehall.Core.Messaging.Sending;
using Tradehall.Core.Messaging.Settings;

namespace Tradehall.Web.Pages.Chats;

/// <summary>
/// MSG-01..05: one chat. Every action is a form that works without JavaScript (post, then redirect);
/// chats.js posts the same handlers with <c>Accept: application/json</c> and updates the page live.
/// Opening the page changes nothing (SEC-04): a reply, the "mark as read" button or the script marks the chat read.
/// </summary>
[Authorize]
public sealed class ChatModel(History history, SendMessage send, MarkRead markRead, ReportMessage report, ChatPreferences preferences,
    Quotes quotes, IOptions<MessagingOptions> options, IOptions<MarketplaceOptions> marketplace) : ChatPageModel
{
    /// <summary>The quote form's fields in page order (errors beside each, the summary in this order).</summary>
    private static readonly string[] QuoteFields = ["Price", "Currency", "Unit", "Quantity", "Incoterms", "DeliveryPlace", "ValidUntil", "Comment"];

    public HistoryPage Chat { get; private set; } = null!;

    public bool ReceiptsOn { get; private set; }

    public MessagingOptions Limits => options.Value;

    public MarketplaceOptions Market => marketplace.Value;

    /// <summary>MKT-08: the quotes the shown messages carry, drawn as cards instead of their text.</summary>
    public IReadOnlyDictionary<long, QuoteView> QuotesByMessage { get; private set; } = new Dictionary<long, QuoteView>();

    /// <summary>The quote form is open: it was sent with errors.</summary>
    public bool QuoteOpen { get; private set; }

    public DateOnly DefaultValidUntil => quotes.DefaultValidUntil;

    public DateOnly Today => quotes.Today;

    // Numbers are bound as text: a phone's keyboard gives "120,50" in Russian and "120.50" in English; both are read.
    [BindProperty] public string? Price { get; set; }
    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Quantity { get; set; }
    [BindProperty] public string? Incoterms { get; set; }
    [BindProperty] public string? DeliveryPlace { get; set; }
    [BindProperty] public string? ValidUntil { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public Guid Me => User.MemberId();

    [BindProperty] public string? Text { get; set; }
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    /// <summary>An older page is shown: the send form and the newest messages are a link away.</summary>
    public bool Paged { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? before, CancellationToken cancellationToken)
    {
        Paged = long.TryParse(before, out _);
        await LoadAsync(id, Paged ? before : null, cancellationToken);
        return Page();
    }

    /// <summary>One message, for a live event too large to carry its text.</summary>
    public async Task<IActionResult> OnGetMessageAsync(Guid id, long messageId, CancellationToken cancellationToken) =>
        new JsonResult(await history.MessageAsync(User.MemberId(), id, messageId, cancellationToken));

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        SentMessage sent;
        try
        {
            var upload = Upload is { } file ? new Upload(file.FileName, file.Length, file.OpenReadStream) : null;
            sent = await send.SendAsync(User.MemberId(), id, Text, upload, cancellationToken);
        }
        catch (DomainException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            if (WantsJson)
            {
                return Problem(e);
            }
            ShowErrors(e, nameof(Text), "File");
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }
        if (WantsJson)
        {
            return new JsonResult(await history.MessageAsync(User.MemberId(), id, sent.Id, cancellationToken)) { StatusCode = StatusCodes.Status201Created };
        }
        return LocalRedirect($"/chats/{id}#m-{sent.Id}");
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, long? upTo, CancellationToken cancellationToken)
    {
        var result = await markRead.HandleAsync(User.MemberId(), id, new MarkReadRequest(upTo), cancellationToken);
        return WantsJson ? new JsonResult(result) : LocalRedirect($"/chats/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, long messageId, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            await report.HandleAsync(User.MemberId(), id, messageId, new ReportRequest(reason), cancellationToken);
        }
        catch (DomainException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            ModelState.Clear();
            ShowErrors(e);
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }
        Notice(L["Thank you. The operator will review the message."]);
        return LocalRedirect($"/chats/{id}#m-{messageId}");
    }

    /// <summary>MKT-08: a quote to the other participant, posted as a message with its terms.</summary>
    public async Task<IActionResult> OnPostQuoteAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        QuoteCreated created;
        try
        {
            var unreadable = new FieldErrors();
            var culture = CultureInfo.CurrentCulture;
            var request = new QuoteRequest(Amounts.Number(Price, culture).Or(unreadable, "price"), Currency, Unit,
                Amounts.Number(Quantity, culture).Or(unreadable, "quantity"), Incoterms, DeliveryPlace, IsoDates.Day(ValidUntil).Or(unreadable, "validUntil"), Comment);
            created = await quotes.CreateAsync(User.MemberId(), id, request, unreadable, cancellationToken);
        }
        catch (DomainException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            ShowErrors(e, QuoteFields);
            QuoteOpen = true;
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }
        return LocalRedirect($"/chats/{id}#m-{created.MessageId}");
    }

    public Task<IActionResult> OnPostAcceptQuoteAsync(Guid id, Guid quoteId, CancellationToken cancellationToken) =>
        AnswerAsync(id, quoteId, () => quotes.AcceptAsync(User.MemberId(), quoteId, cancellationToken), L["You accepted the quote. The deal is on your deals list."],
            cancellationToken);

    public Task<IActionResult> OnPostDeclineQuoteAsync(Guid id, Guid quoteId, CancellationToken cancellationToken) =>
        AnswerAsync(id, quoteId, () => quotes.DeclineAsync(User.MemberId(), quoteId, cancellationToken), L["You declined the quote."], cancellationToken);

    public Task<IActionResult> OnPostWithdrawQuoteAsync(Guid id, Guid quoteId, CancellationToken cancellationToken) =>
        AnswerAsync(id, quoteId, () => quotes.WithdrawAsync(User.MemberId(), quoteId, cancellationToken), L["You withdrew the quote."], cancellationToken);

    /// <summary>One quote's card, for chats.js to redraw it when the quote is made or answered (live or by this tab).</summary>
    public async Task<IActionResult> OnGetQuoteCardAsync(Guid id, Guid quoteId, CancellationToken cancellationToken)
    {
        var quote = await quotes.GetAsync(User.MemberId(), quoteId, cancellationToken);
        return quote.ChatId == id ? Partial("_QuoteCard", new QuoteCard(quote, User.MemberId())) : NotFound();
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Guid quoteId, Func<Task> answer, string done, CancellationToken cancellationToken)
    {
        var quote = await quotes.GetAsync(User.MemberId(), quoteId, cancellationToken);
        if (quote.ChatId != id)
        {
            return NotFound();
        }
        try
        {
            await answer();
        }
        catch (DomainException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            if (WantsJson)
            {
                return Problem(e);
            }
            ModelState.Clear();
            ShowErrors(e);
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }
        if (WantsJson)
        {
            return new JsonResult(await quotes.GetAsync(User.MemberId(), quoteId, cancellationToken));
        }
        Notice(done);
        return LocalRedirect($"/chats/{id}#m-{quote.MessageId}");
    }

    private async Task LoadAsync(Guid id, string? before, CancellationToken cancellationToken)
    {
        Chat = await history.HandleAsync(User.MemberId(), id, before, null, cancellationToken);
        ReceiptsOn = await preferences.ReceiptsOnAsync(User.MemberId(), cancellationToken);
        QuotesByMessage = await quotes.ByMessageAsync(User.MemberId(), id, Chat.Items.Select(m => m.Id).ToList(), cancellationToken);
    }
}

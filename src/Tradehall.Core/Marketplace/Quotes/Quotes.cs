using Tradehall.Core.Marketplace.Listings;
using Tradehall.Core.Messaging;
using Tradehall.Core.Network;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Marketplace.Quotes;

/// <summary>The terms of a quote as a client sends them; the price is per unit, with at most two decimals.</summary>
public sealed record QuoteRequest(decimal? Price, string? Currency, string? Unit, decimal? Quantity, string? Incoterms, string? DeliveryPlace,
    DateOnly? ValidUntil, string? Comment);

public sealed record QuoteCreated(Guid Id, long MessageId);

public sealed record DealCreated(Guid DealId);

/// <summary>A quote as both participants see it; <see cref="Status"/> already says "expired" once its last day has passed.</summary>
public sealed record QuoteView(Guid Id, Guid ChatId, long MessageId, Guid FromId, Guid ToId, Guid? ListingId, decimal Price, string Currency,
    string Unit, decimal Quantity, decimal Total, string Incoterms, string DeliveryPlace, DateOnly ValidUntil, string? Comment, QuoteStatus Status,
    DateTime CreatedAt, DateTime? AnsweredAt, Guid? DealId);

/// <summary>
/// MKT-08: what tabs of both participants learn when a quote is made or answered (event name <c>quote</c>);
/// the status as the API names it (<c>pending</c>, <c>accepted</c>, ...).
/// </summary>
public sealed record QuoteEvent(Guid ChatId, Guid QuoteId, long MessageId, string Status);

/// <summary>
/// MKT-08: quotes in a trade chat. Making one writes a chat message (its terms in words, in the quoting member's
/// language) and the quote linked to it in one transaction; the receiving side accepts (a deal on both sides' lists)
/// or declines once, while the quote is valid; the quoting side may withdraw it while it is pending.
/// Only the chat's participants see a quote; anyone else is told it does not exist.
/// </summary>
public sealed class Quotes(AppDbContext db, IMessaging messaging, INetwork network, Notifier notifier, ILiveEvents live, IStringLocalizer<SharedResource> text,
    IOptions<MarketplaceOptions> options, IOptions<TradehallOptions> site, TimeProvider time)
{
    public const string EventName = "quote";

    private MarketplaceOptions Limits => options.Value;

    /// <summary>Today in the operator's time zone: a quote is valid through its last day there.</summary>
    public DateOnly Today => time.Today(site.Value.Zone);

    /// <summary>The day a new quote's validity ends unless the member names another.</summary>
    public DateOnly DefaultValidUntil => Today.AddDays((int)Limits.QuoteValidity.TotalDays);

    public Task<QuoteCreated> CreateAsync(Guid memberId, Guid chatId, QuoteRequest request, CancellationToken cancellationToken) =>
        CreateAsync(memberId, chatId, request, new FieldErrors(), cancellationToken);

    /// <summary>The form's door: <paramref name="unreadable"/> names what the form could not read (a typed number or day), refused with the rest.</summary>
    public async Task<QuoteCreated> CreateAsync(Guid memberId, Guid chatId, QuoteRequest request, FieldErrors unreadable, CancellationToken cancellationToken)
    {
        var chat = await messaging.ParticipantsAsync(memberId, chatId, cancellationToken);
        var quote = Check(request, unreadable);
        quote.ChatId = chatId;
        quote.FromId = memberId;
        quote.ToId = chat.OtherId;
        quote.ListingId = chat.ListingId;
        quote.CreatedAt = time.UtcNow();
        var posted = await messaging.PostAsync(memberId, chatId, Summary(quote), messageId =>
        {
            quote.MessageId = messageId;
            db.Set<Quote>().Add(quote);
        }, cancellationToken);
        await AnnounceAsync(quote, cancellationToken);
        return new QuoteCreated(quote.Id, posted.Id);
    }

    /// <summary>The chat's quotes, oldest first.</summary>
    public async Task<IReadOnlyList<QuoteView>> ListAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken)
    {
        await messaging.ParticipantsAsync(memberId, chatId, cancellationToken);
        var quotes = await db.Set<Quote>().AsNoTracking().Where(q => q.ChatId == chatId).OrderBy(q => q.MessageId).ToListAsync(cancellationToken);
        return await ViewsAsync(quotes, cancellationToken);
    }

    /// <summary>The quotes carried by the given messages of a chat, keyed by message id (the chat page draws them as cards).</summary>
    public async Task<IReadOnlyDictionary<long, QuoteView>> ByMessageAsync(Guid memberId, Guid chatId, IReadOnlyCollection<long> messageIds,
        CancellationToken cancellationToken)
    {
        await messaging.ParticipantsAsync(memberId, chatId, cancellationToken);
        var quotes = await db.Set<Quote>().AsNoTracking().Where(q => q.ChatId == chatId && messageIds.Contains(q.MessageId)).ToListAsync(cancellationToken);
        return (await ViewsAsync(quotes, cancellationToken)).ToDictionary(q => q.MessageId);
    }

    public async Task<QuoteView> GetAsync(Guid memberId, Guid quoteId, CancellationToken cancellationToken)
    {
        var (quote, _) = await VisibleAsync(memberId, quoteId, cancellationToken);
        return (await ViewsAsync([quote], cancellationToken))[0];
    }

    public async Task<DealCreated> AcceptAsync(Guid memberId, Guid quoteId, CancellationToken cancellationToken)
    {
        var (quote, chat) = await VisibleAsync(memberId, quoteId, cancellationToken);
        CheckAnswerable(quote, memberId);
        var (sellerId, buyerId) = await SidesAsync(quote, cancellationToken);
        var now = time.UtcNow();
        var deal = new Deal
        {
            QuoteId = quote.Id,
            SellerId = sellerId,
            BuyerId = buyerId,
            ChatId = quote.ChatId,
            ListingId = quote.ListingId,
            Price = quote.Price,
            Currency = quote.Currency,
            Unit = quote.Unit,
            Quantity = quote.Quantity,
            Incoterms = quote.Incoterms,
            DeliveryPlace = quote.DeliveryPlace,
            CreatedAt = now,
        };
        await AnswerAsync(quote, chat, QuoteStatus.Accepted, now, () => db.Set<Deal>().Add(deal), cancellationToken);
        return new DealCreated(deal.Id);
    }

    public async Task DeclineAsync(Guid memberId, Guid quoteId, CancellationToken cancellationToken)
    {
        var (quote, chat) = await VisibleAsync(memberId, quoteId, cancellationToken);
        CheckAnswerable(quote, memberId);
        await AnswerAsync(quote, chat, QuoteStatus.Declined, time.UtcNow(), null, cancellationToken);
    }

    public async Task WithdrawAsync(Guid memberId, Guid quoteId, CancellationToken cancellationToken)
    {
        var (quote, _) = await VisibleAsync(memberId, quoteId, cancellationToken);
        if (quote.FromId != memberId)
        {
            throw DomainException.Forbidden("marketplace.quote_not_yours", "Only the member who made the quote can withdraw it.");
        }
        CheckPending(quote);
        var now = time.UtcNow();
        if (await db.Set<Quote>().Where(q => q.Id == quote.Id && q.Status == QuoteStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, QuoteStatus.Withdrawn).SetProperty(q => q.AnsweredAt, now), cancellationToken) == 0)
        {
            throw Answered();
        }
        quote.Status = QuoteStatus.Withdrawn;
        await AnnounceAsync(quote, cancellationToken);
    }

    /// <summary>
    /// One answer wins: the status changes only from pending, in the same transaction as the deal (whose quote id is
    /// unique as well), so a second or racing answer changes nothing and is told the quote was already answered.
    /// </summary>
    private async Task AnswerAsync(Quote quote, ChatParticipants chat, QuoteStatus status, DateTime now, Action? alongside, CancellationToken cancellationToken)
    {
        var actor = (await network.CardsAsync([chat.MemberId], cancellationToken)).GetValueOrDefault(chat.MemberId);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Set<Quote>().Where(q => q.Id == quote.Id && q.Status == QuoteStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, status).SetProperty(q => q.AnsweredAt, now), cancellationToken);
            if (changed == 0)
            {
                throw Answered();
            }
            alongside?.Invoke();
            quote.Status = status;
            notifier.Add(new NotificationRequest(quote.FromId, NotificationType.QuoteAnswered, $"/chats/{quote.ChatId}#m-{quote.MessageId}",
                chat.MemberId, actor?.Name, AnswerExcerpt(quote), chat.Group));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw Answered();
        }
        await AnnounceAsync(quote, cancellationToken);
    }

    private Task AnnounceAsync(Quote quote, CancellationToken cancellationToken) =>
        live.PublishAsync([quote.FromId, quote.ToId], EventName, new QuoteEvent(quote.ChatId, quote.Id, quote.MessageId,
            JsonNamingPolicy.CamelCase.ConvertName(quote.StatusOn(Today).ToString())),
            cancellationToken);

    private async Task<(Quote Quote, ChatParticipants Chat)> VisibleAsync(Guid memberId, Guid quoteId, CancellationToken cancellationToken)
    {
        var quote = await db.Set<Quote>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, cancellationToken);
        if (quote is null || (quote.FromId != memberId && quote.ToId != memberId))
        {
            throw NotFound();
        }
        try
        {
            return (quote, await messaging.ParticipantsAsync(memberId, quote.ChatId, cancellationToken));
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            throw NotFound();
        }
    }

    private void CheckAnswerable(Quote quote, Guid memberId)
    {
        if (quote.ToId != memberId)
        {
            throw DomainException.Forbidden("marketplace.quote_not_yours", "Only the member the quote was made to can answer it.");
        }
        CheckPending(quote);
    }

    private void CheckPending(Quote quote)
    {
        switch (quote.StatusOn(Today))
        {
            case QuoteStatus.Pending:
                return;
            case QuoteStatus.Expired:
                throw DomainException.Conflict("marketplace.quote_expired", "quote", "The quote has expired.");
            default:
                throw Answered();
        }
    }

    private static DomainException Answered() =>
        DomainException.Conflict("marketplace.quote_answered", "quote", "The quote has already been answered or withdrawn.");

    private static DomainException NotFound() => DomainException.NotFound("marketplace.quote_not_found", "There is no such quote.");

    /// <summary>
    /// Who sells: on an offer the listing's owner, on a request the other side; without a listing (or when the owner is
    /// not in the chat) the quoting member, who names the price they sell at.
    /// </summary>
    private async Task<(Guid Seller, Guid Buyer)> SidesAsync(Quote quote, CancellationToken cancellationToken)
    {
        var listing = quote.ListingId is { } id
            ? await db.Set<Listing>().AsNoTracking().Where(l => l.Id == id).Select(l => new { l.Type, l.OwnerId }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (listing is not null && (listing.OwnerId == quote.FromId || listing.OwnerId == quote.ToId))
        {
            var ownerSells = listing.Type == ListingType.Offer;
            var other = listing.OwnerId == quote.FromId ? quote.ToId : quote.FromId;
            return ownerSells ? (listing.OwnerId, other) : (other, listing.OwnerId);
        }
        return (quote.FromId, quote.ToId);
    }

    private Quote Check(QuoteRequest request, FieldErrors errors)
    {
        long price = 0;
        if (errors.Has(nameof(request.Price)))
        {
            // Unreadable as typed: that reason stands.
        }
        else if (request.Price is not { } amount || amount <= 0)
        {
            errors.Add(nameof(request.Price), "Give a price greater than zero.");
        }
        else if (Money.ToMinor(amount) is not { } minor)
        {
            errors.Add(nameof(request.Price), "Give the price with at most two decimals.");
        }
        else if (amount > Limits.MaxPrice)
        {
            errors.Add(nameof(request.Price), "The price is higher than allowed.");
        }
        else
        {
            price = minor;
        }
        var currency = request.Currency?.Trim().ToUpperInvariant();
        if (currency is null || !Limits.Currencies.Contains(currency, StringComparer.Ordinal))
        {
            errors.Add(nameof(request.Currency), "Choose a currency from the list.");
        }
        var unit = request.Unit?.Trim();
        if (unit is null || !Limits.Units.Contains(unit, StringComparer.Ordinal))
        {
            errors.Add(nameof(request.Unit), "Choose a unit from the list.");
        }
        if (errors.Has(nameof(request.Quantity)))
        {
            // Unreadable as typed: that reason stands.
        }
        else if (request.Quantity is not { } quantity || quantity <= 0)
        {
            errors.Add(nameof(request.Quantity), "Give a quantity greater than zero.");
        }
        else if (decimal.Round(quantity, 3) != quantity)
        {
            errors.Add(nameof(request.Quantity), "Give the quantity with at most three decimals.");
        }
        else if (quantity > Limits.MaxQuantity)
        {
            errors.Add(nameof(request.Quantity), "The quantity is larger than allowed.");
        }
        var incoterms = request.Incoterms?.Trim().ToUpperInvariant();
        if (!Incoterms.IsKnown(incoterms))
        {
            errors.Add(nameof(request.Incoterms), "Choose delivery terms from the list (Incoterms 2020).");
        }
        var place = Flat(request.DeliveryPlace);
        if (place.Length == 0)
        {
            errors.Add(nameof(request.DeliveryPlace), "Name the place of delivery.");
        }
        else if (place.Length > Limits.DeliveryPlaceMaxLength)
        {
            errors.Add(nameof(request.DeliveryPlace), "The place of delivery is too long.");
        }
        var validUntil = request.ValidUntil ?? DefaultValidUntil;
        if (errors.Has(nameof(request.ValidUntil)))
        {
            // Unreadable as typed: that reason stands, and no default replaces the day.
        }
        else if (validUntil < Today)
        {
            errors.Add(nameof(request.ValidUntil), "The quote must be valid until today or a later day.");
        }
        else if (validUntil > Today.AddDays((int)Limits.QuoteMaxValidity.TotalDays))
        {
            errors.Add(nameof(request.ValidUntil), "The quote cannot be held open that long.");
        }
        var comment = request.Comment?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (comment?.Length > Limits.QuoteCommentMaxLength)
        {
            errors.Add(nameof(request.Comment), "The comment is too long.");
        }
        errors.ThrowIfAny();
        var name = CultureInfo.CurrentUICulture.Name;
        return new Quote
        {
            Price = price,
            Currency = currency!,
            Unit = unit!,
            Quantity = request.Quantity!.Value,
            Incoterms = incoterms!,
            DeliveryPlace = place,
            ValidUntil = validUntil,
            Comment = string.IsNullOrEmpty(comment) ? null : comment,
            Culture = name.Length <= 8 ? name : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            Status = QuoteStatus.Pending,
        };
    }

    /// <summary>The quote in words, as the chat message carrying it reads (and chat search and notifications quote it).</summary>
    private string Summary(Quote quote)
    {
        var culture = CultureInfo.CurrentCulture;
        var unit = UnitNames.Of(text, quote.Unit);
        var words = text["Quote: {0} {1} per {2} × {3} {2}, {4} {5}, valid until {6}",
            Money.ToAmount(quote.Price).ToString("N2", culture), quote.Currency, unit, quote.Quantity.ToString("0.###", culture),
            quote.Incoterms, quote.DeliveryPlace, quote.ValidUntil.ToString("d MMM yyyy", culture)].Value;
        return quote.Comment is null ? words : words + "\n" + quote.Comment;
    }

    /// <summary>The quoting member is told of the answer in the language they quoted in.</summary>
    private string AnswerExcerpt(Quote quote)
    {
        using var scope = CultureScope.Use(quote.Culture);
        return quote.Status == QuoteStatus.Accepted ? text["Accepted: {0}", Summary(quote)] : text["Declined: {0}", Summary(quote)];
    }

    /// <summary>A deal's value: price per unit times quantity, to the cent.</summary>
    public static decimal Total(long price, decimal quantity) =>
        decimal.Round(Money.ToAmount(price) * quantity, Money.Decimals, MidpointRounding.AwayFromZero);

    private static string Flat(string? value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<IReadOnlyList<QuoteView>> ViewsAsync(IReadOnlyList<Quote> quotes, CancellationToken cancellationToken)
    {
        var ids = quotes.Select(q => q.Id).ToList();
        var deals = await db.Set<Deal>().AsNoTracking().Where(d => ids.Contains(d.QuoteId)).ToDictionaryAsync(d => d.QuoteId, d => d.Id, cancellationToken);
        var today = Today;
        return quotes.Select(q => new QuoteView(q.Id, q.ChatId, q.MessageId, q.FromId, q.ToId, q.ListingId, Money.ToAmount(q.Price), q.Currency,
            q.Unit, q.Quantity, Total(q.Price, q.Quantity), q.Incoterms, q.DeliveryPlace, q.ValidUntil, q.Comment, q.StatusOn(today), q.CreatedAt,
            q.AnsweredAt, deals.TryGetValue(q.Id, out var dealId) ? dealId : null)).ToList();
    }
}

using Tradehall.Core.Network.Profiles;
using Tradehall.Core.Notifications;

namespace Tradehall.Core.Network.Contacts;

public sealed record ContactRequest(string? To);

public sealed record ContactCreated(Guid Id, string Status);

/// <summary>One contact as the member sees it: <c>incoming</c>, <c>outgoing</c> or <c>accepted</c>.</summary>
public sealed record ContactView(Guid Id, string Status, MemberCard Member, DateTime At);

/// <summary>NET-04: requesting, answering, removing and listing professional contacts.</summary>
public sealed class ContactBook(AppDbContext db, INetwork network, Relations relations, PersonalPages pages, Notifier notifier,
    IOptions<NetworkOptions> options, TimeProvider time)
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";
    public const string Accepted = "accepted";

    public async Task<ContactCreated> RequestAsync(Guid from, ContactRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.To))
        {
            throw DomainException.Field("network.contact_to_missing", "to", "Say whom to add: a page address or an account id.");
        }
        var to = await network.FindMemberAsync(request.To, cancellationToken)
            ?? throw DomainException.NotFound("network.member_not_found", "There is no such member.");
        if (to.Id == from)
        {
            throw DomainException.Field("network.contact_self", "to", "You cannot add yourself as a contact.");
        }
        if (await relations.HasBlockedAsync(to.Id, from, cancellationToken))
        {
            throw DomainException.Forbidden("network.blocked", "This member does not accept contact requests from you.");
        }
        if (await relations.HasBlockedAsync(from, to.Id, cancellationToken))
        {
            throw DomainException.Forbidden("network.blocked", "You blocked this member. Unblock them first.");
        }
        // Racing requests of one pair wait here, so the second finds the first instead of failing on the unique index.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.LockForTransactionAsync(DatabaseLockKeys.ContactRequests, cancellationToken);
        var existing = await db.Set<Contact>().Where(c => c.RequesterId == from && c.AddresseeId == to.Id || c.RequesterId == to.Id && c.AddresseeId == from)
            .ToListAsync(cancellationToken);
        if (existing.Any(c => c.Status != ContactStatus.Declined))
        {
            throw DomainException.Conflict("network.contact_exists", "to", "You are already contacts, or a request is waiting for an answer.");
        }
        var now = time.UtcNow();
        var limits = options.Value;
        var since = now - limits.ContactRequestWindow;
        if (await db.Set<Contact>().CountAsync(c => c.RequesterId == from && c.CreatedAt > since, cancellationToken) >= limits.ContactRequestsPerWindow)
        {
            throw DomainException.TooMany("network.contact_rate_limited", "You have sent too many contact requests. Try again later.",
                (int)limits.ContactRequestWindow.TotalSeconds);
        }
        // A declined request may be sent again; it takes the old one's place so the pair stays unique.
        db.Set<Contact>().RemoveRange(existing);
        var contact = new Contact { RequesterId = from, AddresseeId = to.Id, Status = ContactStatus.Requested, CreatedAt = now };
        db.Set<Contact>().Add(contact);
        var sender = (await network.CardsAsync([from], cancellationToken)).GetValueOrDefault(from);
        notifier.Add(new NotificationRequest(to.Id, NotificationType.ContactRequest, "/contacts", from, sender?.Name, Group: GroupOf(contact.Id)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ContactCreated(contact.Id, "requested");
    }

    public Task AcceptAsync(Guid memberId, Guid id, CancellationToken cancellationToken) => AnswerAsync(memberId, id, ContactStatus.Accepted, cancellationToken);

    public Task DeclineAsync(Guid memberId, Guid id, CancellationToken cancellationToken) => AnswerAsync(memberId, id, ContactStatus.Declined, cancellationToken);

    /// <summary>
    /// Only the addressee answers; for anyone else the request does not exist (404). The request's notification is
    /// read with the answer, and an accepted request tells the requester (NET-04).
    /// </summary>
    private async Task AnswerAsync(Guid memberId, Guid id, ContactStatus answer, CancellationToken cancellationToken)
    {
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == id && c.AddresseeId == memberId && c.Status == ContactStatus.Requested, cancellationToken)
            ?? throw DomainException.NotFound("network.contact_not_found", "There is no such contact request.");
        contact.Status = answer;
        contact.AnsweredAt = time.UtcNow();
        if (answer == ContactStatus.Accepted)
        {
            var me = (await network.CardsAsync([memberId], cancellationToken)).GetValueOrDefault(memberId);
            notifier.Add(new NotificationRequest(contact.RequesterId, NotificationType.ContactAccepted, me is null ? "/contacts" : $"/u/{me.Handle}",
                memberId, me?.Name));
        }
        await db.SaveChangesAsync(cancellationToken);
        await notifier.MarkGroupReadAsync(memberId, GroupOf(contact.Id), cancellationToken);
    }

    /// <summary>The notification group of a contact request, read once the request is answered.</summary>
    public static string GroupOf(Guid contactId) => $"contact:{contactId:N}";

    /// <summary>Either side ends a contact, and the sender withdraws a request that is still waiting.</summary>
    public async Task RemoveAsync(Guid memberId, Guid id, CancellationToken cancellationToken)
    {
        var removed = await db.Set<Contact>()
            .Where(c => c.Id == id && c.Status != ContactStatus.Declined
                && (c.RequesterId == memberId || c.AddresseeId == memberId && c.Status == ContactStatus.Accepted))
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw DomainException.NotFound("network.contact_not_found", "There is no such contact.");
        }
    }

    public async Task<IReadOnlyList<ContactView>> ListAsync(Guid memberId, string? status, CancellationToken cancellationToken)
    {
        var filter = status?.Trim().ToLowerInvariant();
        if (filter is not (null or "" or Incoming or Outgoing or Accepted))
        {
            throw DomainException.Field("network.contact_status_invalid", "status", "Status is incoming, outgoing or accepted.");
        }
        var query = db.Set<Contact>().AsNoTracking().Where(c => c.Status != ContactStatus.Declined && (c.RequesterId == memberId || c.AddresseeId == memberId));
        query = filter switch
        {
            Incoming => query.Where(c => c.Status == ContactStatus.Requested && c.AddresseeId == memberId),
            Outgoing => query.Where(c => c.Status == ContactStatus.Requested && c.RequesterId == memberId),
            Accepted => query.Where(c => c.Status == ContactStatus.Accepted),
            _ => query,
        };
        var rows = await query.OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var cards = await network.CardsAsync(rows.Select(r => r.Other(memberId)).Distinct().ToList(), cancellationToken);
        return rows.Where(r => cards.ContainsKey(r.Other(memberId)))
            .Select(r => new ContactView(r.Id,
                r.Status == ContactStatus.Accepted ? Accepted : r.AddresseeId == memberId ? Incoming : Outgoing,
                cards[r.Other(memberId)], r.AnsweredAt ?? r.CreatedAt))
            .ToList();
    }

    /// <summary>Contacts the viewer shares with the page's owner, when the owner's contacts are visible to the viewer.</summary>
    public async Task<IReadOnlyList<MemberCard>> MutualAsync(Guid viewerId, string handle, CancellationToken cancellationToken)
    {
        var (profile, _) = await pages.FindAsync(handle, cancellationToken);
        var relation = await relations.OfAsync(viewerId, profile.MemberId, cancellationToken);
        if (!Relations.Sees(profile.ContactsVisibility, relation))
        {
            throw DomainException.NotFound("network.contacts_hidden", "This member's contacts are not shown to you.");
        }
        var theirs = relations.ContactIds(profile.MemberId);
        var mine = await relations.ContactIds(viewerId).Where(id => theirs.Contains(id)).ToListAsync(cancellationToken);
        var cards = await network.CardsAsync(mine, cancellationToken);
        return cards.Values.OrderBy(c => c.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
    }
}

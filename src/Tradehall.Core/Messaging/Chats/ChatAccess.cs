namespace Tradehall.Core.Messaging.Chats;

/// <summary>MSG-01: the one check every chat path makes. Whoever is not a participant is told the chat does not exist (404).</summary>
public sealed class ChatAccess(AppDbContext db)
{
    public async Task<ChatMember> MembershipAsync(Guid memberId, Guid chatId, CancellationToken cancellationToken) =>
        await db.Set<ChatMember>().FirstOrDefaultAsync(m => m.ChatId == chatId && m.MemberId == memberId, cancellationToken)
            ?? throw DomainException.NotFound("messaging.chat_not_found", "There is no such chat.");

    /// <summary>The chat the member already has with <paramref name="otherId"/> (about <paramref name="listingId"/>, or the general one), if any.</summary>
    public async Task<Guid?> ExistingAsync(Guid memberId, Guid otherId, Guid? listingId, CancellationToken cancellationToken)
    {
        var key = Chat.KeyOf(memberId, otherId, listingId);
        return await db.Set<Chat>().Where(c => c.PairKey == key).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }
}

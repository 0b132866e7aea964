using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Messaging.Complaints;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging;

/// <summary>
/// PRV-03: the chats' part of a member's export — each chat they take part in, with the other member as the chat shows
/// them (name and handle), the messages and files the member sent, and the complaints they filed. What the other member wrote is theirs, not part
/// of this member's data.
/// </summary>
internal sealed class MessagingPersonalData(AppDbContext db, INetwork network, IFileStore files) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var chats = await db.Set<ChatMember>().AsNoTracking().Where(m => m.MemberId == memberId)
            .Join(db.Set<Chat>(), m => m.ChatId, c => c.Id, (m, c) => new { c.Id, c.ListingId, c.CreatedAt, m.OtherId })
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var others = await network.CardsAsync([.. chats.Select(c => c.OtherId).Distinct()], cancellationToken);
        var messages = await db.Set<Message>().AsNoTracking().Where(m => m.SenderId == memberId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.ChatId, m.Text, m.SentAt }).ToListAsync(cancellationToken);
        var attachments = await db.Set<Attachment>().AsNoTracking()
            .Join(db.Set<Message>().Where(m => m.SenderId == memberId), a => a.MessageId, m => m.Id, (a, m) => a)
            .OrderBy(a => a.MessageId).ToListAsync(cancellationToken);
        // The complaint keeps a copy of the message complained about: the other member's words, so not exported here.
        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => c.ReporterId == memberId).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ChatId, c.MessageId, c.Reason, c.CreatedAt }).ToListAsync(cancellationToken);
        var byMessage = attachments.ToLookup(a => a.MessageId);
        var byChat = messages.ToLookup(m => m.ChatId);
        return new PersonalDataSection("chats", new Dictionary<string, object?>
        {
            ["chats"] = chats.Select(c => new
            {
                c.Id, c.ListingId, c.CreatedAt, With = others.GetValueOrDefault(c.OtherId),
                MessagesSent = byChat[c.Id].Select(m => new
                {
                    m.Id, m.Text, m.SentAt,
                    Attachments = byMessage[m.Id].Select(a => new { a.FileName, a.ContentType, a.Size, File = FilePath(a) }).ToList(),
                }).ToList(),
            }).ToList(),
            ["complaintsFiled"] = complaints,
        }, [.. attachments.Select(a => PersonalDataFile.Stored(FilePath(a), files, a.StorageKey))]);
    }

    /// <summary>The attachment's id keeps two files of one name apart; the sanitised name keeps what the member chose.</summary>
    private static string FilePath(Attachment a) => $"attachments/{a.Id:N}-{a.FileName}";
}

using Tradehall.Core.Messaging.Chats;
using Tradehall.Core.Network;

namespace Tradehall.Core.Messaging.Complaints;

/// <summary>
/// MSG-05, OPS-02: a recipient's complaint about a message, for the operator to review. The text is copied,
/// so the evidence stays what was reported.
/// </summary>
public sealed class Complaint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChatId { get; set; }
    public long MessageId { get; set; }
    public Guid ReporterId { get; set; }
    public Guid AccusedId { get; set; }

    [PersonalData("reviewing a complaint about a message", Retention.ContractPlusThreeYears)]
    public required string Reason { get; set; }

    [PersonalData("reviewing a complaint about a message", Retention.ContractPlusThreeYears)]
    public required string MessageText { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("messaging_complaints");
        b.HasIndex(c => new { c.MessageId, c.ReporterId }).IsUnique();
        b.HasIndex(c => c.CreatedAt);
    }
}

public sealed record ReportRequest(string? Reason);

public sealed record ReportResponse(Guid Id);

public sealed record ComplaintItem(Guid Id, DateTime CreatedAt, MemberCard? Reporter, MemberCard? Accused, string Reason, string MessageText, Guid ChatId, long MessageId);

/// <summary>MSG-05: a participant reports a message the other participant wrote; once per message and reporter.</summary>
public sealed class ReportMessage(AppDbContext db, INetwork network, ChatAccess access, IOptions<MessagingOptions> options, TimeProvider time)
{
    public async Task<ReportResponse> HandleAsync(Guid memberId, Guid chatId, long messageId, ReportRequest request, CancellationToken cancellationToken)
    {
        await access.MembershipAsync(memberId, chatId, cancellationToken);
        var message = await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.ChatId == chatId, cancellationToken)
            ?? throw DomainException.NotFound("messaging.message_not_found", "There is no such message in this chat.");
        if (message.SenderId == memberId)
        {
            throw DomainException.Field("messaging.own_message", "messageId", "You cannot report your own message.");
        }
        var reason = WrittenReason.Check(request.Reason, options.Value.MaxReasonLength, ("messaging.reason_required", "Say what is wrong with the message."),
            ("messaging.reason_too_long", "The reason is too long."));
        var complaint = await db.AddOnceAsync(c => c.MessageId == messageId && c.ReporterId == memberId, () => new Complaint
        {
            ChatId = chatId,
            MessageId = messageId,
            ReporterId = memberId,
            AccusedId = message.SenderId,
            Reason = reason,
            MessageText = message.Text,
            CreatedAt = time.UtcNow(),
        }, cancellationToken);
        return new ReportResponse(complaint.Id);
    }

    /// <summary>OPS-02: the newest complaints, for the operator console.</summary>
    public async Task<IReadOnlyList<ComplaintItem>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Complaint>().AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(take).ToListAsync(cancellationToken);
        var cards = await network.CardsAsync(rows.SelectMany(r => new[] { r.ReporterId, r.AccusedId }).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new ComplaintItem(r.Id, r.CreatedAt, cards.GetValueOrDefault(r.ReporterId), cards.GetValueOrDefault(r.AccusedId),
            r.Reason, r.MessageText, r.ChatId, r.MessageId)).ToList();
    }
}

/// <summary>OPS-02: moderation checks a sanction's complaint about a message here.</summary>
internal sealed class MessageComplaintRecords(AppDbContext db) : Moderation.IComplaintRecords
{
    public Task<Guid?> AccusedAsync(Guid complaintId, CancellationToken cancellationToken) =>
        db.Set<Complaint>().Where(c => c.Id == complaintId).Select(c => (Guid?)c.AccusedId).FirstOrDefaultAsync(cancellationToken);
}

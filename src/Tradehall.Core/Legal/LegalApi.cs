using Microsoft.EntityFrameworkCore;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Core.Legal;

/// <summary>What other modules use: the versions in force and recording a member's acceptance.</summary>
public sealed class LegalDocuments(AppDbContext db, TimeProvider time)
{
    /// <summary>The version of <paramref name="kind"/> in force now, or null before any is published.</summary>
    public Task<LegalDocument?> CurrentAsync(DocumentKind kind, CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow();
        return db.Set<LegalDocument>().AsNoTracking()
            .Where(d => d.Kind == kind && d.EffectiveFrom <= now)
            .OrderByDescending(d => d.EffectiveFrom)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds the acceptance to the caller's unit of work.</summary>
    public void Accept(Guid memberId, LegalDocument document, string? ip) =>
        db.Set<DocumentAcceptance>().Add(new DocumentAcceptance
        {
            MemberId = memberId,
            DocumentId = document.Id,
            AcceptedAt = time.UtcNow(),
            Ip = ip,
        });
}

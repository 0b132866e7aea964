namespace Tradehall.Core.Legal.Documents;

/// <summary>PRV-02: one entry of a member's consent history; acceptances are never overwritten, so each version keeps its own.</summary>
public sealed record ConsentEntry(DocumentKind Kind, bool Granted, DateTime At, string Version);

/// <summary>A version the member is asked to accept, with the one they accepted before it (null when none).</summary>
public sealed record PendingDocument(LegalDocument Current, LegalDocument? Previous);

/// <summary>
/// OPS-06, PRV-02: which versions in force a member has still to accept, and their acceptance. The versions in force when
/// the member registered were accepted then; a version that took effect later must be accepted by the member.
/// </summary>
public sealed class DocumentAcceptances(AppDbContext db, MemberLookup members, TimeProvider time)
{
    /// <summary>The ids of the versions in force that the member has not accepted (cheap: asked on every page).</summary>
    public async Task<IReadOnlyList<Guid>> PendingIdsAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var registeredAt = await members.Rows.Where(m => m.Id == memberId).Select(m => (DateTime?)m.RegisteredAt).FirstOrDefaultAsync(cancellationToken);
        if (registeredAt is not { } since)
        {
            return [];
        }
        var now = time.UtcNow();
        // The first version of each kind is what every member took on joining (the offer as part of the Terms): only a
        // later one is accepted again.
        var inForce = (await db.Set<LegalDocument>().AsNoTracking().Where(d => d.EffectiveFrom <= now)
                .Select(d => new { d.Id, d.Kind, d.EffectiveFrom }).ToListAsync(cancellationToken))
            .GroupBy(d => d.Kind).Where(g => g.Count() > 1).Select(g => g.MaxBy(d => d.EffectiveFrom)!)
            .Where(d => d.EffectiveFrom > since).Select(d => d.Id).ToList();
        if (inForce.Count == 0)
        {
            return [];
        }
        var accepted = await db.Set<DocumentAcceptance>().Where(a => a.MemberId == memberId && inForce.Contains(a.DocumentId))
            .Select(a => a.DocumentId).ToListAsync(cancellationToken);
        return [.. inForce.Except(accepted)];
    }

    /// <summary>The versions to accept, each with the member's previously accepted version of its kind, for the comparison.</summary>
    public async Task<IReadOnlyList<PendingDocument>> PendingAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var ids = await PendingIdsAsync(memberId, cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var current = await db.Set<LegalDocument>().AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Kind).ToListAsync(cancellationToken);
        var kinds = current.Select(d => d.Kind).ToList();
        var earlier = await db.Set<DocumentAcceptance>().Where(a => a.MemberId == memberId)
            .Join(db.Set<LegalDocument>().Where(d => kinds.Contains(d.Kind)), a => a.DocumentId, d => d.Id, (a, d) => d)
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. current.Select(d => new PendingDocument(d,
            earlier.Where(e => e.Kind == d.Kind && e.EffectiveFrom < d.EffectiveFrom).MaxBy(e => e.EffectiveFrom)))];
    }

    /// <summary>
    /// Records the member's acceptance, with the time and address, of the versions they were shown that are still to
    /// accept; answers how many remain (a version that took effect meanwhile, shown next).
    /// </summary>
    public async Task<int> AcceptAsync(Guid memberId, IReadOnlyCollection<Guid> shown, string? ip, CancellationToken cancellationToken)
    {
        var pending = await PendingIdsAsync(memberId, cancellationToken);
        var now = time.UtcNow();
        foreach (var id in pending.Intersect(shown))
        {
            db.Set<DocumentAcceptance>().Add(new DocumentAcceptance { MemberId = memberId, DocumentId = id, AcceptedAt = now, Ip = ip });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "legal_acceptances"))
        {
            // The same form sent twice: the first recorded the acceptance, which stays as it was.
            db.ChangeTracker.Clear();
        }
        return pending.Except(shown).Count();
    }

    /// <summary>PRV-02: the member's own acceptances, oldest first (GET /api/v1/me/consents).</summary>
    public async Task<IReadOnlyList<ConsentEntry>> HistoryAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<DocumentAcceptance>().Where(a => a.MemberId == memberId)
            .Join(db.Set<LegalDocument>(), a => a.DocumentId, d => d.Id, (a, d) => new { a.AcceptedAt, d.Kind, d.Version })
            .OrderBy(x => x.AcceptedAt).ThenBy(x => x.Kind)
            .Select(x => new ConsentEntry(x.Kind, true, x.AcceptedAt, x.Version))
            .ToListAsync(cancellationToken);
}

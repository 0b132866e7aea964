namespace Tradehall.Core.Privacy.Disclosures;

/// <summary>The body of <c>POST /api/v1/operator/disclosures</c> (SPEC §15.2); <c>accountIds</c> are the members whose data went.</summary>
public sealed record DisclosureRequest(string? Authority, string? LegalBasis, IReadOnlyList<Guid>? AccountIds, string? DataDescription, DateTimeOffset? DisclosedAt);

public sealed record DisclosureCreated(Guid Id);

/// <summary>An entry of the register as the operator's console lists it, with the members whose data it disclosed.</summary>
public sealed record DisclosureView(Guid Id, string Authority, string LegalBasis, string DataDescription, DateTime DisclosedAt, DateTime RecordedAt,
    IReadOnlyList<DisclosedMemberView> Members);

public sealed record DisclosedMemberView(Guid Id, string Name, string Email);

/// <summary>A disclosure of the member's data as their export shows it (PRV-03): who received what, when and why.</summary>
public sealed record DisclosureOfMine(string Authority, string LegalBasis, string DataDescription, DateTime DisclosedAt);

/// <summary>
/// PRV-10: the operator records every disclosure of members' personal data to an authority; the register is append-only,
/// each entry is archived as evidence, and each member can read the disclosures of their own data in their export.
/// </summary>
public sealed class DisclosureRegister(AppDbContext db, MemberLookup members, EvidenceArchive archive, TimeProvider time)
{
    /// <summary>How many members one entry may name: a larger disclosure is recorded in several entries.</summary>
    public const int MaxMembers = 1000;

    public async Task<DisclosureCreated> RecordAsync(Guid operatorId, DisclosureRequest request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var errors = new FieldErrors();
        var authority = errors.RequiredText("authority", request.Authority, "Name the authority the data went to.", Disclosure.AuthorityLength);
        var basis = errors.RequiredText("legalBasis", request.LegalBasis, "Give the legal basis of the request: the law and the request's number and date.",
            Disclosure.LegalBasisLength);
        var description = errors.RequiredText("dataDescription", request.DataDescription, "Describe which data were disclosed.", Disclosure.DataDescriptionLength);
        if (request.DisclosedAt is not { } disclosedAt)
        {
            errors.Add("disclosedAt", "Give the date and time the data were disclosed.");
        }
        else if (disclosedAt.UtcDateTime > now)
        {
            errors.Add("disclosedAt", "A disclosure is recorded after it happened: the time cannot be in the future.");
        }
        var ids = (request.AccountIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            errors.Add("accountIds", "Name the members whose data were disclosed.");
        }
        else if (ids.Count > MaxMembers)
        {
            errors.Add("accountIds", "Record a disclosure of more members in several entries.");
        }
        else
        {
            var known = await members.Rows.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
            if (known.Count != ids.Count)
            {
                errors.Add("accountIds", "Some of these accounts do not exist: check the ids.");
            }
        }
        errors.ThrowIfAny("privacy.invalid_disclosure", "Some fields need attention.");

        var disclosure = new Disclosure
        {
            Authority = authority!,
            LegalBasis = basis!,
            DataDescription = description!,
            DisclosedAt = request.DisclosedAt!.Value.UtcDateTime,
            RecordedAt = now,
            RecordedBy = operatorId,
        };
        db.Add(disclosure);
        db.AddRange(ids.Select(id => new DisclosedMember { DisclosureId = disclosure.Id, MemberId = id }));
        archive.Record("privacy.disclosure_recorded", $"disclosure:{disclosure.Id}", operatorId,
            after: new { authority, legalBasis = basis, dataDescription = description, disclosure.DisclosedAt, accountIds = ids });
        await db.SaveChangesAsync(cancellationToken);
        return new DisclosureCreated(disclosure.Id);
    }

    /// <summary>The register, newest disclosure first.</summary>
    public async Task<IReadOnlyList<DisclosureView>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var entries = await db.Set<Disclosure>().AsNoTracking().OrderByDescending(d => d.DisclosedAt).ThenByDescending(d => d.Id)
            .Take(take).ToListAsync(cancellationToken);
        var entryIds = entries.Select(e => e.Id).ToList();
        var links = await db.Set<DisclosedMember>().AsNoTracking().Where(m => entryIds.Contains(m.DisclosureId)).ToListAsync(cancellationToken);
        var memberIds = links.Select(l => l.MemberId).Distinct().ToList();
        var people = await members.Rows.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return [.. entries.Select(e => new DisclosureView(e.Id, e.Authority, e.LegalBasis, e.DataDescription, e.DisclosedAt, e.RecordedAt,
            [.. links.Where(l => l.DisclosureId == e.Id).Select(l => people.TryGetValue(l.MemberId, out var p)
                ? new DisclosedMemberView(p.Id, p.FullName, p.Email ?? "")
                : new DisclosedMemberView(l.MemberId, "", ""))]))];
    }

    /// <summary>PRV-03, PRV-10: the disclosures of one member's data, oldest first.</summary>
    public async Task<IReadOnlyList<DisclosureOfMine>> OfMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<Disclosure>().AsNoTracking()
            .Where(d => db.Set<DisclosedMember>().Any(m => m.DisclosureId == d.Id && m.MemberId == memberId))
            .OrderBy(d => d.DisclosedAt)
            .Select(d => new DisclosureOfMine(d.Authority, d.LegalBasis, d.DataDescription, d.DisclosedAt))
            .ToListAsync(cancellationToken);
}

/// <summary>PRV-03: the disclosures of the member's data to authorities go into their export.</summary>
internal sealed class DisclosurePersonalData(DisclosureRegister register) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        new("disclosures", new Dictionary<string, object?> { ["toAuthorities"] = await register.OfMemberAsync(memberId, cancellationToken) });
}

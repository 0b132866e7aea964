using Tradehall.Core.Legal.Subscribers;

namespace Tradehall.Core.Legal;

/// <summary>The versions in force, and a member's acceptance of them (at registration, ACC-01).</summary>
[ModuleApi]
public sealed class LegalDocuments(AppDbContext db, TimeProvider time) : IRegistrationConsents
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

    public async Task<AcceptedDocuments> CurrentAsync(CancellationToken cancellationToken)
    {
        var terms = await CurrentAsync(DocumentKind.Terms, cancellationToken)
            ?? throw new InvalidOperationException("No Terms of Service are published.");
        var privacy = await CurrentAsync(DocumentKind.Privacy, cancellationToken)
            ?? throw new InvalidOperationException("No Privacy Policy is published.");
        return new AcceptedDocuments(terms.Id, terms.Version, privacy.Id, privacy.Version);
    }

    /// <summary>Adds the acceptances to the caller's unit of work.</summary>
    public void Accept(Guid memberId, AcceptedDocuments documents, string? ip)
    {
        foreach (var documentId in new[] { documents.TermsId, documents.PrivacyId })
        {
            db.Set<DocumentAcceptance>().Add(new DocumentAcceptance
            {
                MemberId = memberId,
                DocumentId = documentId,
                AcceptedAt = time.UtcNow(),
                Ip = ip,
            });
        }
    }
}

/// <summary>KYC-01: who the subscriber is in law.</summary>
public enum SubscriberType
{
    Individual = 1,
    LegalEntity = 2,
    Entrepreneur = 3,
}

/// <summary>
/// What other modules may know of a subscriber's legal data (billing checks it before an order,
/// BIL-07): sensitive values come masked (KYC-05).
/// </summary>
public sealed record LegalDataSummary(
    SubscriberType Type,
    string DisplayName,
    bool Resident,
    string Country,
    int Version,
    DateTime UpdatedAt,
    string? Inn,
    string? Kpp,
    string? Ogrn,
    string? Ogrnip,
    string? DocumentNumber,
    string? Bic,
    string? SettlementAccount,
    string? CorrespondentAccount);

/// <summary>DOC-02: the payer as an invoice names it — INN and KPP of an organisation or entrepreneur, and the address.</summary>
[ModuleApi]
public sealed record InvoicePayer(string Name, string? Inn, string? Kpp, string? Address);

/// <summary>BIL-17: the bank account named in a subscriber's legal data, in full, for matching a refund's payee.</summary>
[ModuleApi]
public sealed record OwnBankAccount(string Name, string Inn, string Bic, string SettlementAccount, string? CorrespondentAccount);

/// <summary>KYC-01..05 for other modules: whether a member has entered legal data, and a masked summary of it.</summary>
[ModuleApi]
public sealed class SubscriberLegalData(AppDbContext db, SensitiveText sensitive)
{
    /// <summary>True once the member has saved legal data; every save passed the KYC-01/02 rules in full.</summary>
    public Task<bool> IsCompleteAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        db.Set<LegalSubscriber>().AnyAsync(s => s.MemberId == memberId, cancellationToken);

    /// <summary>KYC-03, BIL-19: whether the member's saved data declare them a non-resident; false before any data are saved.</summary>
    public Task<bool> IsNonResidentAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        db.Set<LegalSubscriber>().AnyAsync(s => s.MemberId == memberId && !s.Resident, cancellationToken);

    /// <summary>DOC-01: which of these members are, by their saved data, a legal entity or an entrepreneur.</summary>
    public async Task<IReadOnlySet<Guid>> BusinessesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        var ids = memberIds.ToArray();
        return (await db.Set<LegalSubscriber>().AsNoTracking()
            .Where(s => ids.Contains(s.MemberId) && (s.Type == SubscriberType.LegalEntity || s.Type == SubscriberType.Entrepreneur))
            .Select(s => s.MemberId).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>BIL-03: whether the member's saved INN is <paramref name="inn"/> (the stored value is encrypted, so it is compared here).</summary>
    public async Task<bool> HasInnAsync(Guid memberId, string inn, CancellationToken cancellationToken = default)
    {
        var stored = await db.Set<LegalSubscriber>().AsNoTracking().Where(s => s.MemberId == memberId).Select(s => s.Inn).FirstOrDefaultAsync(cancellationToken);
        return stored is not null && string.Equals(sensitive.Unprotect(stored), inn, StringComparison.Ordinal);
    }

    /// <summary>
    /// The payer's details for the member's own invoice, in full: a Russian accounts department needs them on the «счёт»,
    /// and the document goes only to the member (an individual's INN and passport are left off).
    /// </summary>
    public async Task<InvoicePayer?> InvoicePayerAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<LegalSubscriber>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var s = LegalSnapshot.Read(row, sensitive);
        var business = s.Type != SubscriberType.Individual;
        return new InvoicePayer(s.DisplayName, business ? s.Inn : null, business ? s.Kpp : null, business ? s.LegalAddress ?? s.PostalAddress : s.PostalAddress);
    }

    /// <summary>BIL-17: the subscriber's own bank account, when their legal data give an INN and one.</summary>
    public async Task<OwnBankAccount?> OwnBankAccountAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<LegalSubscriber>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var s = LegalSnapshot.Read(row, sensitive);
        return s is { Inn: { } inn, Bic: { } bic, SettlementAccount: { } account }
            ? new OwnBankAccount(s.DisplayName, inn, bic, account, s.CorrespondentAccount)
            : null;
    }

    public async Task<LegalDataSummary?> GetAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<LegalSubscriber>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var snapshot = LegalSnapshot.Read(row, sensitive);
        var view = snapshot.ToView();
        return new LegalDataSummary(view.Type, snapshot.DisplayName, view.Resident, view.Country, row.Version, row.UpdatedAt,
            view.Inn, view.Kpp, view.Ogrn, view.Ogrnip, view.DocumentNumber, view.Bic, view.SettlementAccount, view.CorrespondentAccount);
    }
}

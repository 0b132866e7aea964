namespace Tradehall.Core.Accounts;

/// <summary>
/// Published inside the registration transaction, so what other modules set up for a member commits with it.
/// Carries what they need of the new member, who is not saved yet.
/// </summary>
[ModuleApi]
public sealed record MemberRegistered(Guid MemberId, string FirstName, string LastName, string City)
{
    public MemberRegistered(Member member) : this(member.Id, member.FirstName, member.LastName, member.City) { }

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>What other modules may know of a member: who they are and how to reach them — never credentials or security state.</summary>
[ModuleApi]
public sealed class MemberRow
{
    public Guid Id { get; init; }

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string FullName { get; init; } = "";

    public string? Email { get; init; }

    /// <summary>The email as Identity normalizes it (upper case), for matching an address written any way.</summary>
    public string? NormalizedEmail { get; init; }

    public bool EmailConfirmed { get; init; }

    public string? Phone { get; init; }

    public bool PhoneConfirmed { get; init; }

    public string City { get; init; } = "";

    /// <summary>Language of emails and SMS: <c>en</c> or <c>ru</c>.</summary>
    public string Culture { get; init; } = "en";

    public DateTime RegisteredAt { get; init; }

    /// <summary>False once staff disabled the account.</summary>
    public bool Active { get; init; }
}

/// <summary>
/// The member lookup other modules use instead of the accounts table: <see cref="Rows"/> is a query they compose
/// (join, filter, project) so the database still does the work in one statement.
/// </summary>
[ModuleApi]
public sealed class MemberLookup(AppDbContext db)
{
    // No AsNoTracking: a projection is never tracked, and the flag would spread to the entities of a query joining it.
    public IQueryable<MemberRow> Rows => db.Set<Member>().Select(m => new MemberRow
    {
        Id = m.Id,
        FirstName = m.FirstName,
        LastName = m.LastName,
        FullName = m.FirstName + " " + m.LastName,
        Email = m.Email,
        NormalizedEmail = m.NormalizedEmail,
        EmailConfirmed = m.EmailConfirmed,
        Phone = m.PhoneNumber,
        PhoneConfirmed = m.PhoneNumberConfirmed,
        City = m.City,
        Culture = m.Culture,
        RegisteredAt = m.RegisteredAt,
        Active = m.DisabledAt == null,
    });

    public Task<MemberRow?> FindAsync(Guid memberId, CancellationToken cancellationToken) =>
        Rows.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
}

/// <summary>
/// ACC-01, LEG-01: the documents a new member accepts when registering — published by the module that keeps them.
/// Registration asks for the current versions before it starts and records the acceptance in its own transaction.
/// </summary>
[ModuleApi]
public interface IRegistrationConsents
{
    /// <summary>The current Terms of Service and Privacy Policy; throws when either is not published.</summary>
    Task<AcceptedDocuments> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Adds the member's acceptance of <paramref name="documents"/> to the unit of work.</summary>
    void Accept(Guid memberId, AcceptedDocuments documents, string? ip);
}

[ModuleApi]
public sealed record AcceptedDocuments(Guid TermsId, string TermsVersion, Guid PrivacyId, string PrivacyVersion);
